"""The practices in the open-data dump (``/opendata/practices.json|csv``) and the dump's catalogue.

Every live, public practice, each record with its licence; ``?locale=`` as for every dataset
(see ``praxis.opendata``). The labs' dataset is the labs app's (``labs.opendata``).
"""

from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from practices.io.exporter import CSV_CELLS, practice_csv_columns, practice_records
from practices.models import PracticePage
from praxis.opendata import LICENCE_NOTE, Dataset, register_dataset, serve_dump
from praxis.params import answers_json

# Each dataset's URL name, by dataset (the labs' routes are in labs/urls.py).
DATASET_URLS = {"practices": "opendata:practices", "labs": "labs:opendata"}


def register():
    """The practices' dataset in the dump (``PracticesConfig.ready``)."""
    register_dataset(Dataset("practices", PracticePage, practice_records, practice_csv_columns(), CSV_CELLS))


@answers_json
@require_GET
def practices_dump(request, fmt):
    return serve_dump(request, fmt, "practices")


@require_GET
def catalogue(request):
    """What the open-data dump holds, with links (a small DCAT-like index)."""
    files = [
        {
            "dataset": dataset,
            "format": fmt,
            "url": request.build_absolute_uri(reverse(url_name, args=[fmt])),
        }
        for dataset, url_name in DATASET_URLS.items()
        for fmt in ("json", "csv")
    ]
    return JsonResponse(
        {
            "title": "Praxis open data",
            "description": "Live, public inspiring practices and labs. " + LICENCE_NOTE,
            "parameters": {"locale": "one record per practice or lab, in this language when it exists"},
            "files": files,
            "api": request.build_absolute_uri("/api/v2/"),
            "openapi": request.build_absolute_uri("/api/v2/openapi.json"),
        },
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
