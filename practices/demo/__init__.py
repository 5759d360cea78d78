"""Demo content drawn from the seed articles: labs, programmes and practices in French,
with English translations made through wagtail-localize. ``loader.load_demo()`` loads it."""
