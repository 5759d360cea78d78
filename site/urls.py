from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from praxis.api import api_router
from praxis.language_views import switch_language
from praxis.openapi import openapi_view
from praxis.seo import robots_txt
from praxis.sitemaps import sitemap_index, sitemap_page

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/v2/openapi.json", openapi_view, name="openapi"),
    path("api/v2/", api_router.urls),
    path("opendata/", include("practices.urls")),
    path("opendata/", include("labs.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<int:number>.xml", sitemap_page, name="sitemap_page"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("language/", switch_language, name="switch_language"),  # before the pages' catch-all
    path("search/", include("search.urls")),
    path("territory/", include("territories.urls")),
    path("alerts/", include("alerts.urls")),
    path("freshness/", include("freshness.urls")),
    path("contribute/", include("contributions.urls")),
    path("questions/", include("discussions.urls")),
    path("transpositions/", include("transpositions.urls")),
    path("accounts/", include("allauth.urls")),
    path("members/", include("members.urls")),
    path("", include("praxis.routing")),  # Wagtail's pages, found by url_path (praxis.routing)
    prefix_default_language=True,
)
