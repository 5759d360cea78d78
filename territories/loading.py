"""Writing a parsed dataset into the reference: one transaction, bulk writes, idempotent.

Level by level (régions, départements, EPCI, communes, so that parents exist first): new
territories are created, changed ones updated (only those), and those the dataset no longer
has are marked historical (never deleted: practices, labs and readers keep their link).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction

from territories.bulk import update_rows
from territories.dataset import Dataset, Row
from territories.models import Level, Territory, TerritoryName, name_forms, population_log
from territories.text import search_form

LEVELS = (Level.REGION, Level.DEPARTEMENT, Level.EPCI, Level.COMMUNE)
FIELDS = (
    "name",
    "search_name",
    "population",
    "population_log",
    "zone",
    "epci_type",
    "historical",
    "region_id",
    "departement_id",
    "epci_id",
    "merged_into_id",
)
CHUNK = 500


@dataclass
class Summary:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    retired: dict[str, int] = field(default_factory=dict)  # now historical
    touched: set = field(default_factory=set)  # ids of territories created or changed

    @property
    def changed(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values()) + sum(self.retired.values())


def load(dataset: Dataset, report: Callable[[str], None] = lambda line: None) -> Summary:
    summary = Summary()
    with transaction.atomic():
        existing = {(t.level, t.code): t for t in Territory.objects.all().only("id", "level", "code", *FIELDS)}
        ids = {key: territory.pk for key, territory in existing.items()}
        for level in LEVELS:
            rows = dataset.rows.get(level, [])
            _load_level(level, rows, existing, ids, summary)
            report(
                f"{Level(level).label}: {len(rows)} in the dataset, {summary.created[level]} created, "
                f"{summary.updated[level]} updated, {summary.retired[level]} now historical"
            )
        index_names(summary.touched)
        report(f"Search names: {len(summary.touched)} territories indexed")
    return summary


def index_names(ids: set) -> None:
    """The autocomplete's search forms of the territories ``ids`` (all of them on a first load)."""
    ordered, rows = sorted(ids), []
    for start in range(0, len(ordered), CHUNK):
        part = ordered[start : start + CHUNK]
        TerritoryName.objects.filter(territory_id__in=part).delete()
        found = Territory.objects.filter(pk__in=part).values_list("pk", "search_name", "historical", "population")
        for pk, search_name, historical, population in found:
            rows += [
                TerritoryName(
                    territory_id=pk, form=form, whole=not position, historical=historical, population=population
                )
                for position, form in enumerate(name_forms(search_name))
            ]
    TerritoryName.objects.bulk_create(rows, batch_size=2000)


def _values(row: Row, ids: dict) -> dict:
    return {
        "name": row.name[:200],
        "search_name": search_form(row.name),
        "population": row.population,
        "population_log": population_log(row.population),
        "zone": row.zone,
        "epci_type": row.epci_type,
        "historical": row.historical,
        "region_id": ids.get((Level.REGION, row.region)),
        "departement_id": ids.get((Level.DEPARTEMENT, row.departement)),
        "epci_id": ids.get((Level.EPCI, row.epci)),
        "merged_into_id": ids.get((Level.COMMUNE, row.merged_into)),
    }


def _load_level(level: str, rows: list[Row], existing: dict, ids: dict, summary: Summary) -> None:
    created, changed, seen = [], [], set()
    for row in rows:
        key = (level, row.code)
        if key in seen:
            continue
        seen.add(key)
        values = _values(row, ids)
        territory = existing.get(key)
        if territory is None:
            territory = Territory(level=level, code=row.code, **values)
            created.append(territory)
            existing[key] = territory
        elif any(getattr(territory, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(territory, name, value)
            changed.append(territory)
    Territory.objects.bulk_create(created, batch_size=CHUNK)
    ids.update({(level, territory.code): territory.pk for territory in created})
    # A former commune joined a commune that may have been created just now.
    late = []
    for row in rows:
        territory = existing[(level, row.code)]
        target = ids.get((Level.COMMUNE, row.merged_into)) if row.merged_into else None
        if target != territory.merged_into_id:
            territory.merged_into_id = target
            late.append(territory)
    retired = [
        territory
        for key, territory in existing.items()
        if key[0] == level and key not in seen and not territory.historical
    ]
    for territory in retired:
        territory.historical = True
    updates = {id(territory): territory for territory in [*changed, *late, *retired] if territory.pk}
    update_rows(Territory, updates.values(), FIELDS)  # a yearly reload changes every population
    summary.touched.update(territory.pk for territory in [*created, *updates.values()])
    created_ids = {id(territory) for territory in created}
    summary.created[level] = len(created)
    summary.updated[level] = len({key for key in updates if key not in created_ids}) - len(retired)
    summary.retired[level] = len(retired)
