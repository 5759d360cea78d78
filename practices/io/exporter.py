"""Export practices with the importer's columns, so that an export can be imported again.

Only live, public pages are ever exported, whatever the caller passes; contact emails
never are. ``export_csv`` / ``export_json`` take any set of practices (a queryset, a
list of pages, search results) and keep its order.
"""

from functools import partial

from django.db.models import QuerySet
from wagtail.models import Page

from labs.models import LabPage, ProgrammePage
from practices.io.cells import csv_value, json_value
from practices.io.columns import EXPORTED_COLUMNS, INFORMATIONAL_COLUMNS
from practices.models import PracticePage
from praxis.licences import licence_url
from praxis.records import json_text, records_to_csv

RELATIONS = ("policy_areas", "territory_types", "instruments", "methods", "labs")
# How the importer's columns write their cells (the informational columns are plain).
CSV_CELLS = {column.name: partial(csv_value, column) for column in EXPORTED_COLUMNS}


def public_pages(practices) -> list:
    """The live, public PracticePages among ``practices``, in the given order, with their relations."""

    if isinstance(practices, QuerySet) and issubclass(practices.model, PracticePage) and not practices.query.is_sliced:
        queryset, order = practices.live().public(), None
    else:
        ids = [getattr(item, "pk", item) for item in practices]
        queryset, order = PracticePage.objects.live().public().filter(pk__in=ids), {pk: n for n, pk in enumerate(ids)}
    pages = list(queryset.select_related("locale", "reference_territory").prefetch_related(*RELATIONS))
    if order is not None:
        pages.sort(key=lambda page: order[page.pk])
    return pages


def relation_context(pages) -> dict:
    """What the cells need beyond the page itself, fetched in a fixed number of queries."""

    parent_paths = {page.path[: -Page.steplen] for page in pages}
    labs_by_path = {lab.path: lab for lab in LabPage.objects.live().public().filter(path__in=parent_paths)}
    lab_ids = {lab.pk for page in pages for lab in page.labs.all()}
    programme_ids = {page.programme_id for page in pages if page.programme_id}
    return {
        "parent_labs": {
            page.pk: labs_by_path[page.path[: -Page.steplen]]
            for page in pages
            if page.path[: -Page.steplen] in labs_by_path
        },
        "public_lab_ids": set(LabPage.objects.live().public().filter(pk__in=lab_ids).values_list("pk", flat=True)),
        "programmes": {p.pk: p for p in ProgrammePage.objects.live().public().filter(pk__in=programme_ids)},
    }


def informational(page, request=None) -> dict:
    return {
        "url": page.get_full_url(request) or "",
        "licence_url": licence_url(page.licence),
        "first_published_at": page.first_published_at.isoformat() if page.first_published_at else None,
        "last_published_at": page.last_published_at.isoformat() if page.last_published_at else None,
    }


def practice_records(practices, *, with_informational=True, request=None) -> list[dict]:
    """One dict per practice, JSON-ready, keyed by column name."""
    pages = public_pages(practices)
    context = relation_context(pages)
    records = []
    for page in pages:
        record = {column.name: json_value(column, page, context) for column in EXPORTED_COLUMNS}
        if with_informational:
            record.update(informational(page, request))
        records.append(record)
    return records


def practice_csv_columns(with_informational=True) -> list[str]:
    return [column.name for column in EXPORTED_COLUMNS] + (INFORMATIONAL_COLUMNS if with_informational else [])


def export_csv(practices, *, with_informational=True, request=None) -> str:
    records = practice_records(practices, with_informational=with_informational, request=request)
    return records_to_csv(records, practice_csv_columns(with_informational), CSV_CELLS)


def export_json(practices, *, with_informational=True, request=None, **metadata) -> str:
    records = practice_records(practices, with_informational=with_informational, request=request)
    return json_text({**metadata, "count": len(records), "practices": records})
