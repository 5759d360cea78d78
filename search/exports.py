"""Export the results of a search (all pages, in order) as CSV or JSON.

Uses the open-data exporters of ``practices.io`` (the importer's columns, so an export
can be imported again; live, public practices only, never contact emails).
"""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from practices.io.exporter import export_csv, export_json
from praxis.http_cache import cache_tags
from praxis.ratelimit import rate_limited
from search import dossiers
from search.services.engine import result_ids
from search.services.params import parse

MAX_EXPORTED = 5_000
MAX_IN_DOSSIER = 30  # a committee dossier, not a book: PDF pages cost time to render
REFRESH_SECONDS = 3  # the progress page's refresh without JavaScript
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json", "pdf": "application/pdf"}


@require_GET
@cache_tags("practices")
def export_search(request, file_format):
    if file_format not in FORMATS:
        raise Http404("Unknown export format.")
    params = parse(request)
    if file_format == "pdf":
        return dossier(request, params)
    if limited := rate_limited(request, "export"):
        return limited
    ids = result_ids(request, params, MAX_EXPORTED)
    if file_format == "csv":
        body = export_csv(ids, request=request)
    else:
        body = export_json(
            ids, request=request, query=params.querydict().urlencode(), exported_at=timezone.now().isoformat()
        )
    response = HttpResponse(body, content_type=FORMATS[file_format])
    response["Content-Disposition"] = f'attachment; filename="praxis-search.{file_format}"'
    return response


def dossier(request, params):
    """The first results of the search as one PDF dossier of practice sheets, in result order:
    built by the worker (``search.dossiers``); the reader follows its progress page."""
    key = dossiers.key_for(request, params.querydict().urlencode())
    current = dossiers.state(key)
    if current != dossiers.State.READY and not dossiers.queued(key):
        ids = result_ids(request, params, MAX_IN_DOSSIER)
        if not ids:
            raise Http404(_("No practice to put in the dossier: the search found none."))
        if limited := rate_limited(request, "dossier"):
            return limited
        if current == dossiers.State.FAILED:
            dossiers.forget_failure(key)  # asked again: try again
        dossiers.enqueue(request, key, ids)
    return redirect("search:dossier", key=key)


def known_key(key: str) -> str:
    if not dossiers.KEY.match(key):
        raise Http404("No such dossier.")
    return key


def no_store(response):
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def dossier_progress(request, key):
    """Where the reader waits for a dossier: the file once it is ready."""
    current = dossiers.state(known_key(key))
    if current == dossiers.State.READY:
        return redirect("search:dossier_file", key=key)
    context = {
        "failed": current == dossiers.State.FAILED,
        "status_url": reverse("search:dossier_status", args=[key]),
        "file_url": reverse("search:dossier_file", args=[key]),
        "refresh_seconds": REFRESH_SECONDS,
    }
    return no_store(TemplateResponse(request, "search/dossier_progress.html", context).render())


@require_GET
def dossier_status(request, key):
    """``{"state": "pending" | "ready" | "failed", "url": …}`` for the progress page's script."""
    current = dossiers.state(known_key(key))
    body = {"state": current, "url": reverse("search:dossier_file", args=[key]) if current == "ready" else None}
    return no_store(JsonResponse(body))


@require_GET
def dossier_file(request, key):
    if dossiers.state(known_key(key)) != dossiers.State.READY:
        raise Http404("This dossier is not ready.")
    response = FileResponse(
        default_storage.open(dossiers.file_name(key), "rb"),
        as_attachment=True,
        filename="praxis-dossier.pdf",
        content_type=FORMATS["pdf"],
    )
    return response
