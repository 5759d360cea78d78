"""A small rate limiter for anonymous readers of heavy endpoints (dossiers, exports, open data).

Fixed windows counted in the cache (Redis in production, so every process and machine
shares the counts; the local memory cache in development and tests): each anonymous
client gets ``limit`` requests of a scope per ``PRAXIS_RATE_LIMIT_WINDOW`` seconds, then a
429 with ``Retry-After`` until its window ends. Signed-in users are not limited.

Scopes and limits: ``PRAXIS_RATE_LIMITS`` (``{"dossier": 10, ...}``; ``0`` or a missing
scope: unlimited). The client is ``REMOTE_ADDR``, or, behind a proxy, the last address of
the header named by ``PRAXIS_CLIENT_IP_HEADER`` (the one the proxy adds, e.g.
``HTTP_X_FORWARDED_FOR``).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import gettext as _


def client_id(request) -> str:
    header = getattr(settings, "PRAXIS_CLIENT_IP_HEADER", None)
    address = request.META.get(header, "") if header else ""
    address = address.rsplit(",", 1)[-1].strip() or request.META.get("REMOTE_ADDR", "")
    return hashlib.sha256(address.encode()).hexdigest()[:24]  # no address kept in the cache


def limit_for(scope: str) -> int:
    return (getattr(settings, "PRAXIS_RATE_LIMITS", None) or {}).get(scope) or 0


def hit(request, scope: str) -> int | None:
    """Count one request of ``scope``; the seconds to wait when over the limit, else ``None``."""
    limit = limit_for(scope)
    user = getattr(request, "user", None)
    if not limit or (user is not None and user.is_authenticated):
        return None
    window = settings.PRAXIS_RATE_LIMIT_WINDOW
    now = time.time()
    key = f"praxis:rate:{scope}:{client_id(request)}:{int(now // window)}"
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 1)
        count = 1
    if count <= limit:
        return None
    return max(1, int(window - now % window) + 1)


def too_many_requests(retry_after: int) -> HttpResponse:
    message = _(
        "Too many requests for this file from your address: please try again in %(seconds)d seconds. "
        "Downloads and dossiers are costly to prepare, so their number per visitor is limited."
    ) % {"seconds": retry_after}
    response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def rate_limited(request, scope: str) -> HttpResponse | None:
    """The 429 response when this anonymous client is over the scope's limit, else ``None``."""
    retry_after = hit(request, scope)
    return None if retry_after is None else too_many_requests(retry_after)
