"""Export the results of a search (all pages, in order) as CSV or JSON.

Uses the open-data exporters of ``practices.io`` (the importer's columns, so an export
can be imported again; live, public practices only, never contact emails).
"""

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from search.services.engine import result_ids
from search.services.params import parse

MAX_EXPORTED = 5_000
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


@require_GET
def export_search(request, file_format):
    if file_format not in FORMATS:
        raise Http404("Unknown export format.")
    try:
        from practices.io.exporter import export_csv, export_json
    except ImportError:  # the open-data exporters are not installed
        raise Http404("Exports are not available.") from None
    params = parse(request.GET)
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
