"""The practices' territories on the lab map: for each reference territory that has a centre,
how many live, public practices in the page's language point at it, and the first three.

Two queries whatever the number of practices (the counts, and the first three per territory
by a window function), plus the private sections' paths; the points are kept as a fragment
(``praxis.services.fragments``) per language and content version. Nothing about the reader:
their own territory comes from ``territories:mine``, never from this public answer.
"""

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from wagtail.models import Locale

from practices.models import PracticePage
from praxis.services import fragments
from praxis.visibility import private_section_paths, public_q
from territories.models import Territory

SHOWN = 3  # practices listed under each territory


def practice_territories(request) -> list[dict]:
    return fragments.cached(request, "practice-territory-map", (), lambda: territory_points(request))


def territory_points(request) -> list[dict]:
    locale = Locale.get_active()
    practices = PracticePage.objects.live().filter(
        public_q(private_section_paths(request)), locale=locale, reference_territory__latitude__isnull=False
    )
    counted = (
        practices.order_by()
        .values(
            "reference_territory_id",
            "reference_territory__name",
            "reference_territory__level",
            "reference_territory__epci_type",
            "reference_territory__latitude",
            "reference_territory__longitude",
        )
        .annotate(count=Count("pk"))
    )
    first = (
        practices.annotate(
            rank=Window(RowNumber(), partition_by=[F("reference_territory_id")], order_by=[F("title").asc(), "pk"])
        )
        .filter(rank__lte=SHOWN)
        .select_related("locale")
        .only("title", "url_path", "locale", "reference_territory_id")
    )
    listed: dict[int, list[dict]] = {}
    for practice in first:
        listed.setdefault(practice.reference_territory_id, []).append({"title": practice.title, "url": practice.url})
    points = []
    for row in counted:
        territory = row["reference_territory_id"]
        points.append(
            {
                "name": row["reference_territory__name"],
                "kind": _kind(row["reference_territory__level"], row["reference_territory__epci_type"]),
                "lat": row["reference_territory__latitude"],
                "lng": row["reference_territory__longitude"],
                "count": row["count"],
                "practices": sorted(listed.get(territory, []), key=lambda item: item["title"]),
            }
        )
    return sorted(points, key=lambda point: (-point["count"], point["name"]))


def _kind(level: str, epci_type: str) -> str:
    return Territory(level=level, epci_type=epci_type or "").kind
