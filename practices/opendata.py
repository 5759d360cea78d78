"""The open-data dump: every live, public practice and lab, each record with its licence.

``/opendata/practices.json|csv`` and ``/opendata/labs.json|csv``; ``?locale=en`` gives one
record per practice or lab, in that language when it exists (else the original).
Without ``locale`` every published language is a record of its own.
"""

import json

from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from practices.io.exporter import practice_csv_columns, practice_records, records_to_csv
from practices.io.labs import LAB_COLUMNS, lab_records
from praxis.visibility import best_translations

LICENCE_NOTE = "Each record carries its own licence (licence: SPDX-style code, licence_url)."


class BadParameter(Exception):
    pass


def requested_locale(request) -> Locale | None:
    code = request.GET.get("locale", "").strip()
    if not code:
        return None
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        codes = ", ".join(Locale.objects.values_list("language_code", flat=True))
        raise BadParameter(_("Unknown locale “%(code)s”. Use one of: %(codes)s.") % {"code": code, "codes": codes})
    return locale


def bad_request(message: str) -> HttpResponse:
    return JsonResponse({"error": message}, status=400)


def dump_response(request, dataset: str, fmt: str, records: list[dict], csv_columns, locale) -> HttpResponse:
    suffix = f"-{locale.language_code}" if locale else ""
    filename = f"praxis-{dataset}{suffix}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(records_to_csv(records, csv_columns), content_type="text/csv; charset=utf-8")
    else:
        document = {
            "dataset": dataset,
            "generated_at": timezone.now().isoformat(),
            "locale": locale.language_code if locale else None,
            "licence_note": LICENCE_NOTE,
            "count": len(records),
            dataset: records,
        }
        response = HttpResponse(
            json.dumps(document, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def practices_dump(request, fmt):
    from practices.models import PracticePage

    try:
        locale = requested_locale(request)
    except BadParameter as error:
        return bad_request(str(error))
    queryset = PracticePage.objects.live().public()
    if locale:
        queryset = best_translations(queryset, locale)
    records = practice_records(queryset.order_by("pk"), request=request)
    return dump_response(request, "practices", fmt, records, practice_csv_columns(), locale)


@require_GET
def labs_dump(request, fmt):
    from labs.models import LabPage

    try:
        locale = requested_locale(request)
    except BadParameter as error:
        return bad_request(str(error))
    queryset = LabPage.objects.live().public()
    if locale:
        queryset = best_translations(queryset, locale)
    records = lab_records(queryset.order_by("pk"), request=request)
    return dump_response(request, "labs", fmt, records, LAB_COLUMNS, locale)


@require_GET
def catalogue(request):
    """What the open-data dump holds, with links (a small DCAT-like index)."""
    files = [
        {
            "dataset": dataset,
            "format": fmt,
            "url": request.build_absolute_uri(reverse(f"opendata:{dataset}", args=[fmt])),
        }
        for dataset in ("practices", "labs")
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
