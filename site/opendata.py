"""What every dataset of the open-data dump (practices, labs) shares: the ``?locale=`` parameter,
the JSON document around the records, the response.

``?locale=en`` gives one record per page, in that language when it exists (else the original).
Without ``locale`` every published language is a record of its own.
"""

from django.http import HttpResponse
from django.utils import timezone
from wagtail.models import Locale

from praxis.params import Choice, read
from praxis.records import json_text, records_to_csv
from praxis.visibility import best_translations

LICENCE_NOTE = "Each record carries its own licence (licence: SPDX-style code, licence_url)."


def locale_codes() -> list[str]:
    return list(Locale.objects.order_by("language_code").values_list("language_code", flat=True))


# The dump's one parameter (a bad one is a JSON 400 from praxis.params: mark the views @answers_json).
DUMP_PARAMETERS = [Choice("locale", choices=locale_codes)]


def requested_locale(request) -> Locale | None:
    code = read(request, DUMP_PARAMETERS, strict=True).get("locale")
    return Locale.objects.get(language_code=code) if code else None


def serve_dump(request, fmt, dataset, pages, to_records, csv_columns, csv_cells=None) -> HttpResponse:
    """The ``dataset`` file: the live, public ``pages`` (in the ``?locale=`` language) as JSON or CSV.

    ``to_records(pages, request=...)`` makes the records; ``csv_columns`` and ``csv_cells`` are
    the CSV's columns and their cell writers (see ``praxis.records.records_to_csv``).
    """
    locale = requested_locale(request)
    pages = pages.live().public()
    if locale:
        pages = best_translations(pages, locale)
    records = to_records(pages.order_by("pk"), request=request)
    return dump_response(dataset, fmt, records, locale, csv_columns, csv_cells)


def dump_response(dataset, fmt, records, locale, csv_columns, csv_cells=None) -> HttpResponse:
    suffix = f"-{locale.language_code}" if locale else ""
    filename = f"praxis-{dataset}{suffix}.{fmt}"
    if fmt == "csv":
        body = records_to_csv(records, csv_columns, csv_cells)
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    else:
        document = {
            "dataset": dataset,
            "generated_at": timezone.now().isoformat(),
            "locale": locale.language_code if locale else None,
            "licence_note": LICENCE_NOTE,
            "count": len(records),
            dataset: records,
        }
        response = HttpResponse(json_text(document), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response
