"""What every dataset of the open-data dump (practices, labs) shares: the registry of datasets,
the ``?locale=`` parameter, serving the files.

``?locale=en`` gives one record per page, in that language when it exists (else the original).
Without ``locale`` every published language is a record of its own.

The files are built by a background task (``praxis.opendata_files``), never in a request:
a request gets the current file streamed, with ``ETag`` and ``Last-Modified`` (a 304 when the
reader's copy is current), or a 503 with ``Retry-After`` while the very first build runs.
"""

from datetime import datetime

from django.core.files.storage import default_storage
from django.http import FileResponse, HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _

from praxis.opendata_files import LICENCE_NOTE, Dataset, current_file, file_key, register_dataset
from praxis.params import Choice, read
from praxis.ratelimit import rate_limited
from praxis.services.locales import locale_codes

__all__ = ["LICENCE_NOTE", "Dataset", "register_dataset", "serve_dump"]

CONTENT_TYPES = {"json": "application/json; charset=utf-8", "csv": "text/csv; charset=utf-8"}
RETRY_AFTER_SECONDS = 60


# The dump's one parameter (a bad one is a JSON 400 from praxis.params: mark the views @answers_json).
DUMP_PARAMETERS = [Choice("locale", choices=locale_codes)]


def requested_language(request) -> str | None:
    """The ``?locale=`` language code, one of the site's locales (else ``praxis.params``' 400)."""
    return read(request, DUMP_PARAMETERS, strict=True).get("locale") or None


def not_ready() -> HttpResponse:
    message = _("This file is being generated for the first time. Please try again in a minute.")
    response = JsonResponse({"error": message}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def serve_dump(request, fmt: str, dataset: str) -> HttpResponse:
    """The ``dataset`` file in format ``fmt`` (in the ``?locale=`` language), from its last build."""
    language = requested_language(request)
    name = file_key(dataset, language, fmt)
    entry = current_file(name)
    if entry is None:
        return not_ready()
    etag = f'"{entry["etag"]}"'
    modified = datetime.fromisoformat(entry["generated_at"]).timestamp()
    headers = {"ETag": etag, "Last-Modified": http_date(modified), "Access-Control-Allow-Origin": "*"}
    not_modified = get_conditional_response(request, etag=etag, last_modified=int(modified))
    if not_modified is not None:
        for header, value in headers.items():
            not_modified[header] = value
        return not_modified
    if limited := rate_limited(request, "opendata"):  # a 304 is free: only whole files count
        return limited
    response = FileResponse(default_storage.open(entry["name"], "rb"), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'inline; filename="praxis-{name}"'
    response["Content-Length"] = str(entry["size"])
    for header, value in headers.items():
        response[header] = value
    return response
