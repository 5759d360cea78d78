"""sitemap.xml: every live, public page in every enabled language, with its alternates.

Wagtail's own sitemap only walks the site's root page (the French tree); translations of
the home page are its siblings, so each language tree is listed here.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from praxis.services.language import enabled_languages


def site_roots_q(site) -> Q:
    """Pages under the site's home page in any language (translations of the home page
    are its siblings, so ``Page.in_site`` alone would only see the French tree)."""
    q = Q()
    for root in Page.objects.filter(translation_key=site.root_page.translation_key):
        q |= Q(path__startswith=root.path)
    return q


class MultilingualSitemap(Sitemap):
    def published_pages(self):
        site = self.get_wagtail_site()
        return (
            Page.objects.live()
            .public()
            .filter(site_roots_q(site), locale__language_code__in=enabled_languages())
            .select_related("locale")
        )

    def items(self):
        return self.published_pages().order_by("path").defer_streamfields().specific()

    def alternates_by_key(self, pages) -> dict:
        """``{translation_key: [(language, full URL), ...]}`` for groups of 2+ (one query)."""
        keys = {page.translation_key for page in pages}
        groups = defaultdict(list)
        for page in self.published_pages().filter(translation_key__in=keys).order_by("pk"):
            url = page.get_full_url(self.request)
            if url:
                groups[page.translation_key].append((page.locale.language_code, url))
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

    def _urls(self, page, protocol, domain):
        urls = []
        last_mods = set()
        pages = list(self.paginator.page(page).object_list)
        alternates = self.alternates_by_key(pages)
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                url_info = {**url_info, "alternates": alternates.get(item.translation_key, [])}
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
