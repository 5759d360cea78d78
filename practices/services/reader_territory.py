"""What a practice page says to a reader who gave their territory: how the practice's
territory compares with theirs, and whether their level of government holds the competence
the practice needs. Depends on the reader: never in the page's shared cache. No query at
all for a reader without a territory; three small ones otherwise."""

from territories.competences import check
from territories.models import Territory
from territories.reader import get_reader_territory
from territories.similarity import comparison


def reader_territory_context(practice, request) -> dict:
    reader = get_reader_territory(request) if request is not None else None
    if reader is None:
        return {"reader_territory": None}
    other = None
    if practice.reference_territory_id:
        other = (
            Territory.objects.select_related("departement", "region").filter(pk=practice.reference_territory_id).first()
        )
    areas = [area.pk for area in practice.policy_areas.all()]
    return {
        "reader_territory": reader,
        "territory_comparison": comparison(reader, other) if other is not None else None,
        "competence_check": check(reader, practice.legal_competence, areas),
    }
