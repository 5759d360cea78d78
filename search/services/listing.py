"""The practice index page, listed by the search engine (same scope, filters and order;
the facet counts are not shown there, so not computed).

Called through ``apps.get_app_config("search").practice_index_context`` so that the
practices app does not import the search app.
"""

from labs.services import active_locale
from praxis.services.language import language_choice
from search.services.engine import run_search
from search.services.params import parse


def practice_index_context(index_page, request) -> dict:
    params = parse(request.GET)
    outcome = run_search(request, params, with_facets=False, with_labs=False, locale=active_locale(index_page))
    return {
        "practices": outcome.page,
        "search": outcome,
        "params": params,
        "active_locale": outcome.locale,
        "language_choice": language_choice(request),
    }
