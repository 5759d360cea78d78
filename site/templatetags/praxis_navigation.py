"""The main menu and the footer links, in the reader's language.

The menu's links are kept until published content changes (``praxis.services.fragments``);
which one is current is worked out on each request.
"""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from praxis.models import StandardPage
from praxis.services import fragments

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


def _menu_links(request) -> dict:
    """The home page's URL and ``(title, url, path)`` of its live, public pages shown in menus."""
    root = _locale_root(request)
    if root is None:
        return {"home": f"/{get_language()}/", "links": []}
    children = root.get_children().live().public().in_menu().specific(defer=True)
    return {
        "home": root.get_url(request) or f"/{get_language()}/",
        "links": [(child.title, child.get_url(request), child.path) for child in children],
    }


@register.simple_tag(takes_context=True)
def main_menu(context):
    """``{"home": url, "items": [...]}``: the pages of the home page marked "show in menus",
    then the search page; ``current`` marks the section being read."""
    request = context.get("request")
    menu = fragments.cached(request, "main-menu", (), lambda: _menu_links(request))
    current_path = getattr(context.get("page"), "path", "") or ""
    items = [
        {"title": title, "url": url, "current": current_path.startswith(path)} for title, url, path in menu["links"]
    ]
    try:
        search_url = reverse("search:index")
    except NoReverseMatch:
        search_url = None
    if search_url:
        items.append({"title": _("Search"), "url": search_url, "current": bool(request and request.path == search_url)})
    return {"home": menu["home"], "items": items}


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """Standard pages under the home page not shown in the menu (accessibility, legal notice...)."""
    root = _locale_root(context.get("request"))
    if root is None:
        return []
    return list(StandardPage.objects.child_of(root).live().public().filter(show_in_menus=False).order_by("path"))
