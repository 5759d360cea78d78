"""The demo: labs, programmes and practices from the seed articles, as data files in
``demo/content/`` (French and English side by side), read by ``demo.loader.load_demo()``."""
