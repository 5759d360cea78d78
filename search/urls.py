from django.urls import path

from praxis.http_cache import cache_tags
from search import exports, views
from search.feeds import SearchAtomFeed, SearchFeed

app_name = "search"

urlpatterns = [
    path("", views.search_page, name="index"),
    path("suggest/", views.suggest, name="suggest"),
    path("territories/", views.territory_map, name="territory_map"),
    path("feed/rss/", cache_tags("practices")(SearchFeed()), name="feed_rss"),
    path("feed/atom/", cache_tags("practices")(SearchAtomFeed()), name="feed_atom"),
    path("export/<str:file_format>/", exports.export_search, name="export"),
    path("dossier/<str:key>/", exports.dossier_progress, name="dossier"),
    path("dossier/<str:key>/status/", exports.dossier_status, name="dossier_status"),
    path("dossier/<str:key>/file/", exports.dossier_file, name="dossier_file"),
]
