"""Thin views: parse the request, call the discovery services, render."""

from django.template.response import TemplateResponse
from wagtail.models import Locale

from practices.models import PracticePage


def search_page(request):
    query = (request.GET.get("q") or "").replace("\x00", " ").strip()[:200]
    locale = Locale.get_active()
    pages = PracticePage.objects.live().public().filter(locale=locale)
    results = pages.search(query) if query else pages.order_by("title")
    return TemplateResponse(request, "search/search_page.html", {"query": query, "results": list(results[:20])})
