"""``praxis.wsgi`` with Wagtail's own routing (``praxis.routing``'s url_path look-up turned off):
the baseline ``load_bench.py --wagtail-routing`` serves, to compare with the same run's pages."""

from importlib import import_module

application = import_module("praxis.wsgi").application  # first: it sets Django up
import_module("praxis.routing").fast_route = lambda request, path: None
