"""The main menu and the footer links, in the reader's language (one query each)."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

register = template.Library()


def _locale_root(request):
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return None
    root = site.root_page
    locale = Locale.get_active()
    if root.locale_id == locale.pk:
        return root
    return Page.objects.filter(translation_key=root.translation_key, locale=locale).first() or root


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Pages of the home page marked "show in menus", then the search page."""
    request = context.get("request")
    root = _locale_root(request)
    current = context.get("page")
    current_path = getattr(current, "path", "")
    items = []
    if root is not None:
        for child in root.get_children().live().public().in_menu().specific(defer=True):
            items.append({"title": child.title, "url": child.url, "current": bool(current_path.startswith(child.path))})
    try:
        search_url = reverse("search:index")
    except NoReverseMatch:
        search_url = None
    if search_url:
        items.append({"title": _("Search"), "url": search_url, "current": bool(request and request.path == search_url)})
    return items


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """Standard pages under the home page not shown in the menu (accessibility, legal notice...)."""
    root = _locale_root(context.get("request"))
    if root is None:
        return []
    from praxis.models import StandardPage

    return list(StandardPage.objects.child_of(root).live().public().filter(show_in_menus=False).order_by("path"))
