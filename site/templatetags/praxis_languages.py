"""Language versions of the current page, for the head links and the switcher."""

from django import template
from wagtail.models import Page

from praxis.services import fragments
from praxis.services.language import only_own_language, page_alternates, view_alternates, x_default

register = template.Library()


def _page_versions(page, request) -> dict:
    alternates = page_alternates(page, request)
    canonical = next((alternate.full_url for alternate in alternates if alternate.is_current), None)
    return {"alternates": alternates, "x_default": x_default(alternates), "canonical": canonical}


@register.simple_tag(takes_context=True)
def language_versions(context):
    """``{"alternates": [...], "x_default": ..., "canonical": ...}`` for this page or view.

    Computed once per request: the head and the switcher share it. A page's are kept until
    published content changes (``praxis.services.fragments``); a view's depend on its URL.
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
        versions = fragments.cached(request, "language-versions", (page.pk,), lambda: _page_versions(page, request))
    elif request is not None:
        alternates = view_alternates(request)
        versions = {"alternates": alternates, "x_default": x_default(alternates), "canonical": None}
    else:
        versions = {"alternates": [], "x_default": None, "canonical": None}
    if request is not None:
        request._praxis_language_versions = (cache_key, versions)
    return versions


@register.simple_tag(takes_context=True)
def own_language_only(context) -> bool:
    """Whether the reader asked to see only content written in their language."""
    return only_own_language(context.get("request"))
