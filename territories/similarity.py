"""How close a territory is to the reader's: an explainable score, the same in Python (to say
why) and in SQL (to sort thousands of practices in the search's one statement).

Each criterion gives a value between 0 and 1, weighted by ``settings.PRAXIS_TERRITORY_WEIGHTS``:

- ``kind``: the same kind of authority (level, and for an EPCI its type: CC, CA, CU,
  métropole, EPT) gives 1; the same level with another EPCI type, 0.5;
- ``population``: ``1 - |log10(population) - log10(reader's)| / POPULATION_SPAN``, at least
  0 (the same size gives 1, a tenth or ten times as many inhabitants give 0);
- ``zone``: both overseas or both in metropolitan France;
- ``departement``, ``region``: in the same département, the same région.

closeness = Σ weight × value / Σ weights, between 0 and 1. "Like mine" (the search filter):
the same kind of authority and a population within a factor of ``LIKE_RATIO`` (3 by default).
"""

import math

from django.conf import settings
from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from territories.models import Level, Territory

DEFAULT_WEIGHTS = {"kind": 3.0, "population": 3.0, "zone": 1.0, "departement": 1.0, "region": 1.0}
POPULATION_SPAN = 1.0  # log10: a factor of 10
LIKE_RATIO = 3.0


def weights() -> dict[str, float]:
    chosen = getattr(settings, "PRAXIS_TERRITORY_WEIGHTS", None) or {}
    return {name: float(chosen.get(name, default)) for name, default in DEFAULT_WEIGHTS.items()}


def like_ratio() -> float:
    return float(getattr(settings, "PRAXIS_TERRITORY_LIKE_RATIO", LIKE_RATIO))


def _region_id(territory: Territory):
    return territory.pk if territory.level == Level.REGION else territory.region_id


def _departement_id(territory: Territory):
    return territory.pk if territory.level == Level.DEPARTEMENT else territory.departement_id


def criteria(reader: Territory, other: Territory) -> dict[str, float]:
    kind = 0.0
    if other.level == reader.level:
        kind = 1.0 if other.epci_type == reader.epci_type else 0.5
    population = 0.0
    if reader.population_log is not None and other.population_log is not None:
        population = max(0.0, 1 - abs(other.population_log - reader.population_log) / POPULATION_SPAN)
    departement = _departement_id(reader)
    region = _region_id(reader)
    return {
        "kind": kind,
        "population": population,
        "zone": 1.0 if other.zone == reader.zone else 0.0,
        "departement": 1.0 if departement and _departement_id(other) == departement else 0.0,
        "region": 1.0 if region and _region_id(other) == region else 0.0,
    }


def closeness(reader: Territory, other: Territory) -> float:
    chosen = weights()
    total = sum(chosen.values()) or 1.0
    return sum(chosen[name] * value for name, value in criteria(reader, other).items()) / total


def is_like(reader: Territory, other: Territory) -> bool:
    if other.level != reader.level or other.epci_type != reader.epci_type:
        return False
    if reader.population_log is None or other.population_log is None:
        return False
    return abs(other.population_log - reader.population_log) <= math.log10(like_ratio()) + 1e-9


def like_mine_q(reader: Territory, prefix: str = "") -> Q:
    """``is_like`` as a filter on territories (``prefix``: the path to them, e.g. ``reference_territory__``)."""
    condition = Q(**{f"{prefix}level": reader.level, f"{prefix}epci_type": reader.epci_type})
    if reader.population_log is None:
        return condition & Q(pk__in=[])
    span = math.log10(like_ratio()) + 1e-9
    return condition & Q(
        **{
            f"{prefix}population_log__gte": reader.population_log - span,
            f"{prefix}population_log__lte": reader.population_log + span,
        }
    )


def closeness_sql(reader: Territory, alias: str) -> tuple[str, list]:
    """``closeness`` of the territory row ``alias`` as an SQL expression (NULL without a row),
    with its parameters. Column names are the model's; values are parameters."""
    chosen = weights()
    total = sum(chosen.values()) or 1.0
    parts, params = [], []

    def case(condition: str, values: list, weight: float):
        parts.append(f"CASE WHEN {condition} THEN %s ELSE 0 END")
        params.extend([*values, weight])

    case(f"{alias}.level = %s AND {alias}.epci_type = %s", [reader.level, reader.epci_type], chosen["kind"])
    case(f"{alias}.level = %s AND {alias}.epci_type <> %s", [reader.level, reader.epci_type], chosen["kind"] / 2)
    if reader.population_log is not None:
        parts.append(
            f"CASE WHEN {alias}.population_log IS NULL THEN 0 "
            f"WHEN ABS({alias}.population_log - %s) >= %s THEN 0 "
            f"ELSE (1 - ABS({alias}.population_log - %s) / %s) * %s END"
        )
        params.extend([reader.population_log, POPULATION_SPAN, reader.population_log, POPULATION_SPAN])
        params.append(chosen["population"])
    case(f"{alias}.zone = %s", [reader.zone], chosen["zone"])
    if departement := _departement_id(reader):
        case(f"({alias}.departement_id = %s OR {alias}.id = %s)", [departement, departement], chosen["departement"])
    if region := _region_id(reader):
        case(f"({alias}.region_id = %s OR {alias}.id = %s)", [region, region], chosen["region"])
    sql = f"CASE WHEN {alias}.id IS NULL THEN NULL ELSE ({' + '.join(parts)}) / %s END"
    return sql, [*params, total]


def population_words(population: int | None) -> str:
    if not population:
        return ""
    return _("%(number)s inhabitants") % {"number": number_format(population, force_grouping=True)}


def explain(reader: Territory, other: Territory) -> list[str]:
    """Why ``other`` is close to the reader's territory, in plain words (most telling first)."""
    if other.pk == reader.pk:
        return [_("Your own territory.")]
    reasons = []
    values = criteria(reader, other)
    if is_like(reader, other):
        reasons.append(
            _("%(kind)s of %(population)s, like yours")
            % {"kind": other.kind, "population": population_words(other.population)}
        )
    else:
        if values["kind"] == 1:
            reasons.append(_("%(kind)s, like yours") % {"kind": other.kind})
        if values["population"] > 0 and other.population and reader.population:
            ratio = other.population / reader.population
            if ratio >= 1:
                reasons.append(_("%(times)s times your population") % {"times": number_format(ratio, 1)})
            else:
                reasons.append(_("%(times)s times smaller than yours") % {"times": number_format(1 / ratio, 1)})
    if values["departement"]:
        reasons.append(_("in your département"))
    elif values["region"]:
        reasons.append(_("in your région"))
    if reader.is_overseas and other.is_overseas:
        reasons.append(_("overseas, like yours"))
    return reasons


def comparison(reader: Territory, other: Territory) -> dict:
    """What a practice page says about its territory next to the reader's."""
    values = criteria(reader, other)
    ratio = None
    if reader.population and other.population:
        ratio = other.population / reader.population
    return {
        "reader": reader,
        "other": other,
        "same_kind": values["kind"] == 1,
        "ratio": ratio,
        "ratio_words": _ratio_words(ratio),
        "same_departement": bool(values["departement"]),
        "same_region": bool(values["region"]),
        "same_zone": bool(values["zone"]),
        "like": is_like(reader, other),
        "closeness": round(closeness(reader, other) * 100),
        "reasons": explain(reader, other),
    }


def _ratio_words(ratio: float | None) -> str:
    if ratio is None:
        return ""
    if 0.8 <= ratio <= 1.25:
        return _("about as many inhabitants as yours")
    if ratio > 1:
        return _("%(times)s times as many inhabitants as yours") % {"times": number_format(ratio, 1)}
    return _("%(times)s times fewer inhabitants than yours") % {"times": number_format(1 / ratio, 1)}
