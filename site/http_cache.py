"""Cache-Control for public pages.

Anonymous readers get ``public, max-age`` on successful GETs of pages, so a
reverse proxy or browser can reuse them. Signed-in users, previews, the admin,
restricted pages (Wagtail marks them never-cache) and any response that already
says how to cache itself are left alone or made private.
"""

import re

from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers

EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/django-admin/")


class PublicCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.max_age = getattr(settings, "PRAXIS_PUBLIC_CACHE_SECONDS", 300)
        # Pages about one person (sign-in, verification links, account): never stored by a shared cache.
        self.private_paths = [re.compile(pattern) for pattern in getattr(settings, "PRAXIS_PRIVATE_PATHS", [])]

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
            patch_vary_headers(response, ["Cookie"])
        return response
