"""Page routing in two queries: Wagtail's ``serve`` view, with the page found by its ``url_path``.

Wagtail finds the page of a request by walking from the site's root page (localised to the
reader's language) down the path, one child look-up and one ``.specific`` per URL segment
(``Page.route_for_request``). Here the localised root and every page the path could name are
read in one query by their ``url_path`` (the root's ``url_path`` followed by each prefix of the
path), then the page where Wagtail's walk would stop is made specific and its own ``route()``
is called with what is left of the path: the same result, with the same ``_cached_parent_obj``
chain, in two queries instead of two per segment (plus the site, which the request finds anyway).

The walk stops early, exactly where Wagtail's would hand over, at an ancestor whose ``route()``
is its own (called with the rest of the path) or at a live ``RoutablePageMixin`` ancestor whose
sub-routes match the rest of the path (``sheet/`` of a practice, ``markers/`` of the lab
directory). A segment that is no page's ``url_path`` goes to the ``route()`` of the closest
page found, as in Wagtail. Whenever the shortcut is unsure (no site, the root paths' cache out
of date, the root's translation a draft, an inconsistent tree, a path deeper than any page can
be) it leaves the request alone and Wagtail's own walk runs.

The result is stored where Wagtail keeps it (``request._wagtail_route_for_request``): Wagtail's
``serve`` then finds it, and runs its hooks (view restrictions, passwords, cache tags) and the
page's ``serve`` as always.

Two look-ups Wagtail repeats for every request are answered from what this process keeps for
the current content version (``praxis.services.versioned``): the site of the request's host,
and the view restrictions. When no restriction can apply to the page found (none on it, its
ancestors, or the sources of aliases among them: ``visibility.may_be_restricted``), the page
is told so (``get_view_restrictions`` answers an empty queryset), and Wagtail's restriction
hook runs without its two queries. Anywhere a restriction may apply, Wagtail's own check runs.

**The pages found are kept** in the cache for the current content version, never an older one
(``fragments.current`` and ``keep``), under the site, the language and the path (``route_key``):
a page asked again, by anyone, in any process sharing the cache, costs neither query (a request unpickles its own copy: nothing one request sets on the
page reaches another). A page's live fields change only with a publication, an unpublication,
a move or a deletion, and each of them bumps the version (``praxis.services.fragments``): the
page is then read again. What a draft saves on the page's row (its draft title, latest revision,
lock) does not bump it: editors (who may use the admin) always get the page read afresh. Not
kept: previews, paths that lead to no page (a 404 is not worth an entry), and nothing when
the fragment cache is off.
"""

import hashlib

from django.http import Http404
from django.urls import re_path
from django.utils import translation
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, PageViewRestriction, Site

from praxis.services import fragments
from praxis.services.access import may_use_admin
from praxis.services.fragments import request_site
from praxis.visibility import may_be_restricted

# Treebeard's paths (255 characters, 4 per level) hold at most 63 levels: a longer path names no page.
MAX_DEPTH = 63
ROUTE_ATTRIBUTE = "_wagtail_route_for_request"
LOCALE = Page._meta.get_field("locale")
ROOT_PATHS_ATTRIBUTE = "_wagtail_cached_site_root_paths"  # as Page._get_site_root_paths keeps them


def site_root_paths(request) -> list:
    """``Site.get_site_root_paths()`` (from the cache), kept on the request like Wagtail's URLs do."""
    paths = getattr(request, ROOT_PATHS_ATTRIBUTE, None)
    if paths is None:
        paths = Site.get_site_root_paths()
        setattr(request, ROOT_PATHS_ATTRIBUTE, paths)
    return paths


def _root_path(request, site) -> tuple[str, dict] | None:
    """The ``url_path`` of the site's root page as ``.localized`` gives it, and what the row
    read for it must be; None when unsure (then Wagtail decides)."""
    root = site.root_page
    try:
        language = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return None
    entries = [entry for entry in site_root_paths(request) if entry.site_id == site.pk]
    own = [entry for entry in entries if entry.root_path == root.url_path]
    if len(own) != 1:
        return None  # the cached root paths are out of date
    if own[0].language_code == language:
        return root.url_path, {"pk": root.pk}
    translated = [entry for entry in entries if entry.language_code == language]
    if len(translated) != 1:
        return None  # no translation (Wagtail keeps the root), or the cache is out of date
    return translated[0].root_path, {"translation_key": root.translation_key, "language": language, "live": True}


def _matches(row, expected: dict) -> bool:
    values = {
        "pk": row.pk,
        "translation_key": row.translation_key,
        "language": row.locale.language_code,
        "live": row.live,
    }
    return all(values[name] == value for name, value in expected.items())


def _intercepts(page, remaining: list[str]) -> bool:
    """Whether Wagtail's walk would hand the rest of the path to ``page``'s own ``route()``
    instead of going on to the child named by the next segment."""
    model = page.specific_class
    if model is None:
        return True
    if model.route is Page.route:
        return False
    if (
        issubclass(model, RoutablePageMixin)
        and model.route is RoutablePageMixin.route
        and model.resolve_subpage is RoutablePageMixin.resolve_subpage
    ):
        if not page.live:
            return False  # a draft's sub-routes are not served: Page.route goes on to the child
        try:
            model.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Http404:
            return False
    return True


def fast_route(request, path: str):
    """Wagtail's route for ``request`` (``(page, args, kwargs)`` or None, kept on the request as
    ``Page.route_for_request`` keeps it), found by ``url_path``; does nothing when unsure."""
    if hasattr(request, ROUTE_ATTRIBUTE):
        return getattr(request, ROUTE_ATTRIBUTE)
    if "\x00" in path:  # no slug holds one (and PostgreSQL refuses it in a query): no page
        setattr(request, ROUTE_ATTRIBUTE, None)
        return None
    components = [component for component in path.split("/") if component]
    site = request_site(request)
    if site is None or len(components) > MAX_DEPTH:
        return None  # no site (Wagtail answers None), or no page could be named so
    root = _root_path(request, site)
    if root is None:
        return None
    key = route_key(request, site, components)
    walked = fragments.current(request, key) if key is not None else None
    if walked is None:
        walked = walk(root, components)
        if walked is None:
            return None
    else:
        key = None  # found kept: nothing to keep
    specific, depth = walked
    try:
        result = specific.route(request, components[depth:])
    except Http404:
        result = None
    if result is not None and key is not None:  # a route that answers (a 404 is not worth an entry)
        fragments.keep(request, key, walked)
    if result is not None and not may_be_restricted(result[0], request):
        result[0].get_view_restrictions = no_view_restrictions  # this instance, this request
    setattr(request, ROUTE_ATTRIBUTE, result)
    return result


def route_key(request, site, components: list[str]) -> str | None:
    """Where the pages found for this path are kept (see above); None for editors and previews."""
    if not fragments.cacheable(request) or may_use_admin(getattr(request, "user", None)):
        return None
    digest = hashlib.sha256("/".join(components).encode()).hexdigest()
    return f"praxis:route:{site.pk}:{translation.get_language()}:{digest}"


def walk(root: tuple[str, dict], components: list[str]):
    """``(specific page, depth)``: the page where Wagtail's walk would call ``route()`` with
    ``components[depth:]`` (its ancestors in its ``_cached_parent_obj`` chain); None when unsure."""
    root_path, expected_root = root
    prefixes = [
        root_path + "".join(f"{component}/" for component in components[:end]) for end in range(1, 1 + len(components))
    ]
    rows = {}
    for row in (
        Page.objects.filter(
            url_path__in=[root_path, *prefixes], slug__in={root_path.rstrip("/").rpartition("/")[2], *components}
        )
        .select_related("locale")
        .order_by()
    ):
        if row.url_path in rows:
            return None  # two pages at one path: let Wagtail's walk decide
        rows[row.url_path] = row
    page = rows.get(root_path)
    if page is None or not _matches(page, expected_root):
        return None
    depth = 0
    while depth < len(components) and not _intercepts(page, components[depth:]):
        child = rows.get(prefixes[depth])
        if child is None:
            break
        if child.depth != page.depth + 1 or not child.path.startswith(page.path) or child.slug != components[depth]:
            return None  # url_path out of step with the tree
        child._cached_parent_obj = page
        page, depth = child, depth + 1
    specific = page.specific
    if not LOCALE.is_cached(specific) and specific.locale_id == page.locale_id:
        LOCALE.set_cached_value(specific, page.locale)  # read with the path: one query less later
    return specific, depth


def no_view_restrictions():
    """What ``get_view_restrictions`` answers for a page no view restriction applies to."""
    return PageViewRestriction.objects.none()


def serve(request, path):
    """Wagtail's ``serve`` view, the page found by ``fast_route`` first."""
    fast_route(request, path)
    return wagtail_views.serve(request, path)


# Wagtail's front-end URLs (password form, login), its page view replaced by ours (same name and pattern).
urlpatterns = [pattern for pattern in wagtail_urls.urlpatterns if getattr(pattern, "name", None) != "wagtail_serve"]
urlpatterns.append(re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"))
