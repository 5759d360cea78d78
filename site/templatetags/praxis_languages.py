"""Language versions of the current page, for the head links and the switcher."""

from django import template
from wagtail.models import Page

from praxis.services.language import page_alternates, view_alternates, x_default

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context):
    """``{"alternates": [...], "x_default": ..., "canonical": ...}`` for this page or view.

    Computed once per request: the head and the switcher share it.
    """
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page):
        page = None
    cache_key = ("praxis_language_versions", page.pk if page else None)
    cached = getattr(request, "_praxis_language_versions", None)
    if cached is not None and cached[0] == cache_key:
        return cached[1]
    if page is not None and page.pk is not None:
        alternates = page_alternates(page, request)
        canonical = next((alternate.full_url for alternate in alternates if alternate.is_current), None)
    elif request is not None:
        alternates = view_alternates(request)
        canonical = None
    else:
        alternates, canonical = [], None
    versions = {"alternates": alternates, "x_default": x_default(alternates), "canonical": canonical}
    if request is not None:
        request._praxis_language_versions = (cache_key, versions)
    return versions
