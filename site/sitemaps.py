"""The sitemap: an index (``/sitemap.xml``) of pages (``/sitemap-<n>.xml``) of at most
``PRAXIS_SITEMAP_PAGE_SIZE`` URLs (10,000; the protocol allows 50,000), listing every live,
public page in every enabled language, with its hreflang alternates.

Wagtail's own sitemap only walks the site's root page (the French tree); translations of
the home page are its siblings, so each language tree is listed here.

Cheap at any size: the index is a count and a maximum; a page is two ``values()`` queries
(its pages in tree order, then their translations for the alternates), its URLs computed
from the site's root paths without touching the pages' models, and its XML written as text.
Both are cached under the content version (``praxis.services.fragments``): publishing,
unpublishing, moving or restricting a page renews them (the worker, or the first reader).
"""

import math
from collections import defaultdict
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.db.models import Max, Q
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from praxis.services import fragments
from praxis.services.language import enabled_languages

URL_SAFE = "!$&'()*+,;=/~:@"  # what Django's reverse() leaves unquoted in a path
ROW_FIELDS = ("pk", "url_path", "translation_key", "locale__language_code", "last_published_at")


def site_roots_q(site) -> Q:
    """Pages under the site's home page in any language (translations of the home page
    are its siblings, so ``Page.in_site`` alone would only see the French tree)."""
    q = Q()
    for root in Page.objects.filter(translation_key=site.root_page.translation_key):
        q |= Q(path__startswith=root.path)
    return q


def page_size() -> int:
    return settings.PRAXIS_SITEMAP_PAGE_SIZE


def published_pages(site):
    return (
        Page.objects.live()
        .public()
        .filter(site_roots_q(site), locale__language_code__in=enabled_languages())
        .order_by()
    )


class FullUrls:
    """Pages' full URLs from their ``url_path``, as Wagtail's ``Page.get_full_url`` makes them
    (the site's root paths, the language prefix of ``wagtail_serve``), without building a
    page object per URL (that cost a millisecond each)."""

    def __init__(self, site):
        roots = Site.get_site_root_paths()
        self.roots = sorted(roots, key=lambda root: root.site_id != site.pk)  # this site's first
        self.prefixes = {}

    def prefix(self, language_code: str) -> str:
        if language_code not in self.prefixes:
            with translation.override(language_code):
                self.prefixes[language_code] = reverse("wagtail_serve", args=("",))
        return self.prefixes[language_code]

    def __call__(self, url_path: str) -> str | None:
        for root in self.roots:
            if url_path.startswith(root.root_path):
                rest = quote(url_path[len(root.root_path) :], safe=URL_SAFE)
                return f"{root.root_url}{self.prefix(root.language_code)}{rest}"
        return None


def alternates_by_key(site, rows, full_url) -> dict:
    """``{translation_key: [{"lang_code", "location"}, ...]}`` for groups of 2+ (one query)."""
    keys = {row["translation_key"] for row in rows}
    groups = defaultdict(list)
    translations = published_pages(site).filter(translation_key__in=keys).order_by("pk").values(*ROW_FIELDS)
    for row in translations:
        url = full_url(row["url_path"])
        if url:
            groups[row["translation_key"]].append((row["locale__language_code"], url))
    order = {code: position for position, code in enumerate(enabled_languages())}
    result = {}
    for key, versions in groups.items():
        if len(versions) < 2:
            continue
        # x-default: the default language's version, else the original (lowest pk).
        default = next((url for code, url in versions if code == settings.LANGUAGE_CODE), versions[0][1])
        versions.sort(key=lambda version: order[version[0]])
        result[key] = [{"lang_code": code, "location": url} for code, url in versions]
        result[key].append({"lang_code": "x-default", "location": default})
    return result


def urlset_xml(site, number: int) -> str | None:
    """The XML of sitemap page ``number`` (from 1), ``None`` past the last page."""
    size = page_size()
    rows = list(published_pages(site).order_by("path").values(*ROW_FIELDS)[(number - 1) * size : number * size])
    if not rows and number > 1:
        return None
    full_url = FullUrls(site)
    alternates = alternates_by_key(site, rows, full_url)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for row in rows:
        url = full_url(row["url_path"])
        if not url:
            continue
        lines.append(f"<url><loc>{escape(url)}</loc>")
        if row["last_published_at"]:
            lines.append(f"<lastmod>{row['last_published_at']:%Y-%m-%d}</lastmod>")
        for alternate in alternates.get(row["translation_key"], []):
            lines.append(
                f'<xhtml:link rel="alternate" hreflang={quoteattr(alternate["lang_code"])} '
                f"href={quoteattr(alternate['location'])}/>"
            )
        lines.append("</url>")
    lines.append("</urlset>\n")
    return "\n".join(lines)


def index_xml(site, request) -> str:
    pages = published_pages(site)
    count = pages.count()
    lastmod = pages.aggregate(last=Max("last_published_at"))["last"]
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for number in range(1, max(1, math.ceil(count / page_size())) + 1):
        location = request.build_absolute_uri(reverse("sitemap_page", args=[number]))
        modified = f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else ""
        lines.append(f"<sitemap><loc>{escape(location)}</loc>{modified}</sitemap>")
    lines.append("</sitemapindex>\n")
    return "\n".join(lines)


def cached_xml(request, name: str, build) -> str | None:
    """``build(site)``, cached per site, host, content version and ``name``."""
    site = fragments.request_site(request)
    if site is None:
        raise Http404("No site.")
    if fragments.timeout() <= 0:
        return build(site)
    key = f"praxis:sitemap:{site.pk}:{request.get_host()}:{page_size()}:{name}"
    xml = fragments.current_or_stale(key, fragments.content_version(request), lambda: build(site) or "")
    return xml or None


def xml_response(xml: str) -> HttpResponse:
    response = HttpResponse(xml, content_type="application/xml; charset=utf-8")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


@require_GET
def sitemap_index(request):
    return xml_response(cached_xml(request, "index", lambda site: index_xml(site, request)))


@require_GET
def sitemap_page(request, number: int):
    if number < 1:
        raise Http404("No such sitemap page.")
    xml = cached_xml(request, f"page-{number}", lambda site: urlset_xml(site, number))
    if xml is None:
        raise Http404("No such sitemap page.")
    return xml_response(xml)
