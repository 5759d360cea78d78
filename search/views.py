"""Thin views: read the query string, call the discovery services, render."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from praxis.services.language import language_choice
from search.services.engine import run_search
from search.services.params import SORTS, parse
from search.services.suggestions import suggestions

PARTIAL_HEADER = "X-Praxis-Partial"  # sent by search.js: answer with the results region only


@require_GET
def search_page(request):
    params = parse(request.GET)
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


@require_GET
def suggest(request):
    """Autocomplete: practice titles and taxonomy terms for what was typed (JSON)."""
    query = request.GET.get("q", "")
    return JsonResponse({"query": query[:200], "suggestions": suggestions(request, query)})
