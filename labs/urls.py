"""The labs' open-data URLs, mounted at /opendata/ beside the practices' (see practices/urls.py)."""

from django.urls import re_path

from labs import opendata

app_name = "labs"

urlpatterns = [
    re_path(r"^labs\.(?P<fmt>csv|json)$", opendata.labs_dump, name="opendata"),
]
