"""Export the results of a search (all pages, in order) as CSV or JSON.

Uses the open-data exporters of ``practices.io`` (the importer's columns, so an export
can be imported again; live, public practices only, never contact emails).
"""

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from practices.io.exporter import export_csv, export_json
from practices.models import PracticePage
from practices.pdf import dossier_pdf
from search.services.engine import result_ids
from search.services.params import parse

MAX_EXPORTED = 5_000
MAX_IN_DOSSIER = 30  # a committee dossier, not a book: PDF pages cost time to render
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json", "pdf": "application/pdf"}


@require_GET
def export_search(request, file_format):
    if file_format not in FORMATS:
        raise Http404("Unknown export format.")
    params = parse(request)
    if file_format == "pdf":
        return dossier(request, result_ids(request, params, MAX_IN_DOSSIER))
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


def dossier(request, ids):
    """The first results of the search as one PDF dossier of practice sheets, in result order."""
    by_id = PracticePage.objects.live().public().in_bulk(list(ids))
    practices = [by_id[pk] for pk in ids if pk in by_id]
    if not practices:
        raise Http404(_("No practice to put in the dossier: the search found none."))
    title = _("Dossier of %(count)d inspiring practices") % {"count": len(practices)}
    response = HttpResponse(dossier_pdf(practices, request, title=title), content_type=FORMATS["pdf"])
    response["Content-Disposition"] = 'attachment; filename="praxis-dossier.pdf"'
    return response
