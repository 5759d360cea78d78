"""The labs in the open-data dump: ``/opendata/labs.json`` and ``/opendata/labs.csv``.

Live, public labs only; never the contact email. ``?locale=`` as for every dataset
(see ``praxis.opendata``).
"""

from django.views.decorators.http import require_GET

from labs.models import LabPage
from praxis.licences import Licence, licence_url
from praxis.opendata import Dataset, register_dataset, serve_dump
from praxis.params import answers_json

# Lab pages have no licence field: the directory's facts and summaries are published under this one.
LAB_RECORD_LICENCE = Licence.CC_BY

LAB_FIELDS = [
    "acronym",
    "summary",
    "host_institution",
    "institution_type",
    "government_level",
    "country",
    "region",
    "city",
    "latitude",
    "longitude",
    "founded_year",
    "closed_year",
    "status",
    "status_reason",
    "website",
    "team_size",
    "last_verified",
]
LAB_COLUMNS = [
    "external_id",
    "language",
    "title",
    "slug",
    *LAB_FIELDS,
    "methods",
    "licence",
    "licence_url",
    "url",
    "first_published_at",
    "last_published_at",
]


def lab_value(lab, name):
    value = getattr(lab, name)
    if name == "country":
        return value.code if value else ""
    if name in ("latitude", "longitude"):
        return float(value) if value is not None else None
    if name == "last_verified":
        return value.isoformat() if value else None
    return value


def lab_records(labs, request=None) -> list[dict]:
    """One dict per live, public lab among ``labs`` (a queryset or a list of pages), JSON-ready."""
    queryset = labs if hasattr(labs, "model") else LabPage.objects.filter(pk__in=[lab.pk for lab in labs])
    records = []
    for lab in queryset.live().public().select_related("locale").prefetch_related("methods"):
        records.append(
            {
                "external_id": lab.external_id or f"praxis:{lab.translation_key}",
                "language": lab.locale.language_code,
                "title": lab.title,
                "slug": lab.slug,
                **{name: lab_value(lab, name) for name in LAB_FIELDS},
                "methods": [method.slug for method in lab.methods.all()],
                "licence": str(LAB_RECORD_LICENCE),
                "licence_url": licence_url(LAB_RECORD_LICENCE),
                "url": lab.get_full_url(request) or "",
                "first_published_at": lab.first_published_at.isoformat() if lab.first_published_at else None,
                "last_published_at": lab.last_published_at.isoformat() if lab.last_published_at else None,
            }
        )
    return records


def register():
    """The labs' dataset in the dump (``LabsConfig.ready``)."""
    register_dataset(Dataset("labs", LabPage, lab_records, LAB_COLUMNS))


@answers_json
@require_GET
def labs_dump(request, fmt):
    return serve_dump(request, fmt, "labs")
