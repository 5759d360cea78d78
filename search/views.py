"""Thin views: read the query string, call the discovery services, render."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from praxis.http_cache import cache_tags
from praxis.params import Text, answers_json, read
from praxis.services.language import language_choice
from search.services.engine import run_search
from search.services.params import SORTS, parse
from search.services.suggestions import suggestions
from search.services.territory_map import practice_territories

PARTIAL_HEADER = "X-Praxis-Partial"  # sent by search.js: answer with the results region only
SUGGEST_PARAMETERS = [Text("q", max_length=200, cleaned=True, default="")]


@require_GET
@cache_tags("practices")
def search_page(request):
    params = parse(request)  # an unreadable query string is praxis.params' 400
    outcome = run_search(request, params)
    partial = request.headers.get(PARTIAL_HEADER) == "1"
    context = {
        "search": outcome,
        "params": params,
        "query_string": params.querydict(drop_page=False).urlencode(),
        "sorts": SORTS,
        "language_choice": language_choice(request),
        "active_locale": outcome.locale,
    }
    template = "search/includes/region.html" if partial else "search/search_page.html"
    response = TemplateResponse(request, template, context)
    patch_vary_headers(response, [PARTIAL_HEADER])
    return response


@answers_json
@require_GET
@cache_tags("practices")
def suggest(request):
    """Autocomplete: practice titles and taxonomy terms for what was typed (JSON)."""
    query = read(request, SUGGEST_PARAMETERS, lenient=True)["q"]
    return JsonResponse({"query": query[:200], "suggestions": suggestions(request, query)})


@require_GET
@cache_tags("practices")
def territory_map(request):
    """The practices' territories for the lab map (JSON): public, the same for every reader."""
    return JsonResponse({"territories": practice_territories(request)})
