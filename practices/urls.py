"""Open-data URLs, mounted at /opendata/ outside the language prefixes (``?locale=`` chooses)."""

from django.urls import path, re_path

from practices import opendata

app_name = "opendata"

urlpatterns = [
    path("", opendata.catalogue, name="index"),
    re_path(r"^practices\.(?P<fmt>csv|json)$", opendata.practices_dump, name="practices"),
    re_path(r"^labs\.(?P<fmt>csv|json)$", opendata.labs_dump, name="labs"),
]
