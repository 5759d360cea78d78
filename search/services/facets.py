"""Facets of the practice search: what each selection filters, and how many results each
value would give — all facets counted in one grouped SQL query over the matching ids.

Within a facet, selected values are OR-ed; across facets, AND-ed. A facet's counts
apply every *other* facet's selection (not its own), so each number says how many
results choosing that value would give.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from labs.models import LabPage
from practices.models import PracticePage
from search.services.params import CHOICE_FACETS, TAXONOMY_FACETS, SearchParams, unknown_value
from taxonomy.models import Instrument, PolicyArea, TerritoryType

TAXONOMIES = {"policy_area": PolicyArea, "territory_type": TerritoryType, "instrument": Instrument}
RELATIONS = {"policy_area": "policy_areas", "territory_type": "territory_types", "instrument": "instruments"}
FIELDS = {
    "country": "country",
    "stage": "lifecycle_stage",
    "evidence": "evidence_level",
    "competence": "legal_competence",
    "budget": "budget_range",
}
ORDER = ("policy_area", "territory_type", "instrument", "country", "lab", "stage", "evidence", "competence", "budget")
YEAR_BUCKETS = [
    (None, 2009, _("Before 2010")),
    (2010, 2014, "2010–2014"),
    (2015, 2019, "2015–2019"),
    (2020, None, _("2020 and after")),
]


@dataclass
class Vocabulary:
    """The taxonomy terms by facet and slug (three small queries)."""

    terms: dict[str, dict[str, object]]

    @classmethod
    def load(cls, names=None) -> "Vocabulary":
        """The vocabularies of ``names`` (default: all three)."""
        names = TAXONOMIES if names is None else names
        return cls(
            {
                name: {term.slug: term for term in TAXONOMIES[name].objects.all()} if name in names else {}
                for name in TAXONOMIES
            }
        )


@dataclass
class Selection:
    """The SQL filter of each facet with a valid selection, plus notices about the rest."""

    filters: dict[str, Q] = field(default_factory=dict)
    lab_keys: dict[str, list[int]] = field(default_factory=dict)  # translation key -> selected ids
    notices: list[str] = field(default_factory=list)
    members: dict[str, object] = field(default_factory=dict)  # relation facets: practice ids subquery
    # What each filter keeps, as values (``search.services.tally`` applies them): term ids,
    # lab translation keys, column values, a (from, to) range of years, the day verified since.
    wanted: dict[str, object] = field(default_factory=dict)

    def candidates(self) -> Q | None:
        """A filter on pages keeping every practice the search must look at, when two facets
        or more have a selection: results pass every facet and the practices counted for
        a facet miss only that one, so each passes at least one of any two selected facets.
        The two usually narrowest are used (at 10,000 practices: a third of the pages)."""
        narrowest = [name for name in NARROWEST_FIRST if name in self.filters][:2]
        if len(narrowest) < 2:
            return None
        keep = Q()
        for name in narrowest:
            members = self.members.get(name)
            if members is None:
                members = PracticePage.objects.filter(self.filters[name]).values("pk")
            keep |= Q(pk__in=members)
        return keep


def through(relation: str):
    model_field = PracticePage._meta.get_field(relation)
    return model_field.remote_field.through, f"{model_field.m2m_reverse_field_name()}_id"


def selection(params: SearchParams, vocabulary: Vocabulary) -> Selection:
    result = Selection()
    for name in TAXONOMY_FACETS:
        slugs = params.selected(name)
        if not slugs:
            continue
        known = [vocabulary.terms[name][slug].pk for slug in slugs if slug in vocabulary.terms[name]]
        if len(known) < len(slugs):
            result.notices.append(unknown_value(name))
        if known:
            model, column = through(RELATIONS[name])
            result.members[name] = model.objects.filter(**{f"{column}__in": known}).values("practicepage_id")
            result.filters[name] = Q(pk__in=result.members[name])
            result.wanted[name] = frozenset(known)
    for name, model_field in FIELDS.items():
        if params.selected(name):
            result.filters[name] = Q(**{f"{model_field}__in": params.selected(name)})
            result.wanted[name] = frozenset(params.selected(name))
    if params.selected("lab"):
        for pk, key in LabPage.objects.filter(pk__in=params.selected("lab")).values_list("pk", "translation_key"):
            result.lab_keys.setdefault(str(key), []).append(pk)
        keys = list(result.lab_keys)
        if sum(map(len, result.lab_keys.values())) < len(params.selected("lab")):
            result.notices.append(unknown_value("lab"))
        if keys:
            model, _column = through("labs")
            result.members["lab"] = model.objects.filter(labpage__translation_key__in=keys).values("practicepage_id")
            result.filters["lab"] = Q(pk__in=result.members["lab"])
            result.wanted["lab"] = frozenset(keys)
    years = Q()
    if params.year_from is not None:
        years &= Q(start_year__gte=params.year_from)
    if params.year_to is not None:
        years &= Q(start_year__lte=params.year_to)
    if years:
        result.filters["year"] = years
        result.wanted["year"] = (params.year_from, params.year_to)
    if params.verified_recently:
        result.filters["verified"] = verified_since_q()
        result.wanted["verified"] = verified_since()
    return result


def verified_since():
    """``verified=recent``: practices verified within ``PRAXIS_FRESHNESS_MAX_AGE_DAYS``
    (the age after which their owners are reminded; never verified: left out)."""
    return timezone.localdate() - timedelta(days=settings.PRAXIS_FRESHNESS_MAX_AGE_DAYS)


def verified_since_q() -> Q:
    return Q(last_verified__gte=verified_since())


SCALAR = {**FIELDS, "year": "start_year"}  # facet -> practice column
# Facets by how few practices a selected value usually keeps (a lab: a handful; a
# country: most of them).
NARROWEST_FIRST = (
    "lab",
    "policy_area",
    "instrument",
    "territory_type",
    "stage",
    "evidence",
    "competence",
    "budget",
    "year",
    "verified",
    "country",
)


def choice_facet_values(name: str) -> list[tuple[str, str]]:
    return [(value, label) for value, label in CHOICE_FACETS[name].choices]
