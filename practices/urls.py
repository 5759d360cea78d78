"""Open-data URLs, mounted at /opendata/ outside the language prefixes (``?locale=`` chooses).

The labs' files are served by labs/urls.py, mounted beside these.
"""

from django.urls import path, re_path

from practices import opendata

app_name = "opendata"

urlpatterns = [
    path("", opendata.catalogue, name="index"),
    re_path(r"^practices\.(?P<fmt>csv|json)$", opendata.practices_dump, name="practices"),
]
