"""The practice index page, listed by the search engine (same scope, filters and order;
the facet counts are not shown there, so not computed). Composed into the page's template
by ``{% practice_index_listing %}`` (search.templatetags.search_tags): the practices app,
below search, does not call it."""

from search.services.engine import run_search
from search.services.params import parse


def practice_index_page(request, locale):
    """The requested page of practice cards (``?page=`` and the search's filters)."""
    params = parse(request)
    return run_search(request, params, with_facets=False, with_labs=False, locale=locale).page
