"""Cache-Control for public pages, and the tags a front-end cache drops them by.

Anonymous readers get ``public, max-age`` on successful GETs of pages, so a
reverse proxy or browser can reuse them. Signed-in users, previews, the admin,
restricted pages (Wagtail marks them never-cache) and any response that already
says how to cache itself are left alone or made private.

A public response also says what it shows in ``X-Praxis-Tags`` (``,site,page-12,practices,``),
so that the front-end cache (``praxis.services.frontend_cache``) can drop every copy that
shows a page when it changes, search pages included whatever their query string. Views add
tags with ``tag(request, ...)`` or the ``cache_tags(...)`` decorator; a Wagtail page is
tagged with its id and the kinds of content it lists (``cache_lists`` on its class).
``s-maxage`` (``PRAXIS_SHARED_CACHE_SECONDS``) lets that cache keep pages longer than
browsers do, since it is told when they change.
"""

import re
from functools import wraps

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers

EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/django-admin/")
TAGS_HEADER = "X-Praxis-Tags"


def tag(request, *tags: str) -> None:
    """Say that the response to ``request`` shows ``tags`` (``[a-z0-9-]`` names)."""
    request._praxis_cache_tags = getattr(request, "_praxis_cache_tags", ()) + tags


def cache_tags(*tags: str):
    """A view decorator: its responses show ``tags`` (e.g. ``"practices"`` for a listing)."""

    def decorate(view):
        @wraps(view)
        def tagged(request, *args, **kwargs):
            tag(request, *tags)
            return view(request, *args, **kwargs)

        return tagged

    return decorate


def tag_page(page, request) -> None:
    """Wagtail's ``before_serve_page`` hook: the page, and what it lists."""
    tag(request, f"page-{page.pk}", *getattr(page, "cache_lists", ()))


class PublicCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.max_age = getattr(settings, "PRAXIS_PUBLIC_CACHE_SECONDS", 300)
        # Pages about one person (sign-in, verification links, account): never stored by a shared cache.
        self.private_paths = [re.compile(pattern) for pattern in getattr(settings, "PRAXIS_PRIVATE_PATHS", [])]
        self.shared_max_age = getattr(settings, "PRAXIS_SHARED_CACHE_SECONDS", None)

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or request.path.startswith(EXCLUDED_PREFIXES):
            return response
        if response.has_header("Cache-Control"):
            return response
        user = getattr(request, "user", None)
        personal = getattr(request, "personalised", False)  # e.g. compared with the reader's territory
        private_path = any(pattern.match(request.path) for pattern in self.private_paths)
        if (
            personal
            or private_path
            or getattr(request, "is_preview", False)
            or (user is not None and user.is_authenticated)
        ):
            patch_cache_control(response, private=True, no_cache=True)
            return response
        if response.status_code == 200 and not response.cookies and self.max_age:
            patch_cache_control(response, public=True, max_age=self.max_age)
            shown = getattr(request, "_praxis_cache_tags", ())
            if shown and self.shared_max_age:  # the front-end cache is told when what it shows changes
                patch_cache_control(response, s_maxage=self.shared_max_age)
            patch_vary_headers(response, ["Cookie"])
            tags = dict.fromkeys(("site", *shown))
            response[TAGS_HEADER] = f",{','.join(tags)},"
        return response
