"""Thin views: read the query string, call the discovery services, render."""

from django.http import HttpResponseBadRequest, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from praxis.http_cache import cache_tags
from praxis.services.language import language_choice
from search.services.engine import run_search
from search.services.params import SORTS, parse
from search.services.suggestions import suggestions

PARTIAL_HEADER = "X-Praxis-Partial"  # sent by search.js: answer with the results region only
MAX_QUERY_STRING = 8_000  # bytes; longer URLs are refused (most servers stop at 8 KB anyway)


def too_long(request) -> HttpResponseBadRequest | None:
    """A short 400 page for absurdly long query strings, without echoing them back."""
    if len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_STRING:
        return None
    message = _("This search is too long. Please shorten it and try again.")
    link = _("Start a new search")
    body = f'<!DOCTYPE html><html lang="{request.LANGUAGE_CODE}"><title>{message}</title><p>{message}</p>'
    body += f'<p><a href="{reverse("search:index")}">{link}</a></p>'
    return HttpResponseBadRequest(body)


@require_GET
@cache_tags("practices")
def search_page(request):
    if refused := too_long(request):
        return refused
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
@cache_tags("practices")
def suggest(request):
    """Autocomplete: practice titles and taxonomy terms for what was typed (JSON)."""
    query = request.GET.get("q", "")
    return JsonResponse({"query": query[:200], "suggestions": suggestions(request, query)})
