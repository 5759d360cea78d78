"""Content-Security-Policy and Permissions-Policy.

Public pages get a policy without ``unsafe-inline`` or ``unsafe-eval``: scripts and styles
come from this site's static files only (data for scripts travels in ``json_script`` blocks
and ``data-`` attributes, which a policy does not block); images from the site, ``data:``
URLs, the map's tile server (``PRAXIS_MAP_TILE_URL``) and the media host when media are
served from elsewhere (``MEDIA_URL`` on S3 or a CDN). The admin (Wagtail's and Django's)
gets no policy: Wagtail's editor is not written for one. ``CSP_REPORT_URI``, when set,
receives the browsers' violation reports.

Every response gets a ``Permissions-Policy`` that turns off the browser features Praxis
never uses (camera, microphone, geolocation, payment...).
"""

from urllib.parse import urlsplit

from django.conf import settings

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)


def origin_of(url: str) -> str | None:
    """``https://{s}.tile.example.org/{z}/...`` -> ``https://*.tile.example.org``; None when relative."""
    parts = urlsplit(url)
    if not (parts.scheme and parts.netloc):
        return None
    host = parts.netloc.replace("{s}.", "*.")
    return f"{parts.scheme}://{host}" if "{" not in host else None


def content_security_policy() -> str:
    images = ["'self'", "data:"]
    for url in (settings.PRAXIS_MAP_TILE_URL, settings.MEDIA_URL):
        if (origin := origin_of(url)) and origin not in images:
            images.append(origin)
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": images,
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    if report_uri := getattr(settings, "PRAXIS_CSP_REPORT_URI", ""):
        directives["report-uri"] = [report_uri]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = content_security_policy()

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if not request.path.startswith(ADMIN_PREFIXES):
            response.setdefault("Content-Security-Policy", self.policy)
        return response
