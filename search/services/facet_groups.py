"""What the facet panel shows: each facet's values with labels in the reader's language,
counts, whether they are selected, and the link that toggles them."""

from dataclasses import dataclass, field

from django_countries import countries

from labs.models import LabPage
from search.services.facets import (
    LABELS,
    ORDER,
    TAXONOMY_FACETS,
    YEAR_BUCKETS,
    Selection,
    Vocabulary,
    choice_facet_values,
)
from search.services.params import SearchParams

LAB_VALUES_SHOWN = 12  # the rest of the labs stay reachable under "more"


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    query: str  # the query string that toggles this value

    @property
    def is_empty(self) -> bool:
        return self.count == 0


@dataclass
class FacetGroup:
    name: str
    label: str
    values: list[FacetValue] = field(default_factory=list)
    more: list[FacetValue] = field(default_factory=list)

    @property
    def selected_count(self) -> int:
        return sum(value.selected for value in [*self.values, *self.more])


def facet_groups(params: SearchParams, counts: dict, vocabulary: Vocabulary, chosen: Selection, locale) -> list:
    labs = readable_labs(locale)
    groups = []
    for name in ORDER:
        group = FacetGroup(name, str(LABELS[name]))
        facet_counts = counts.get(name, {})
        if name in TAXONOMY_FACETS:
            for slug, term in vocabulary.terms[name].items():
                count = facet_counts.get(str(term.pk), 0)
                group.values.append(_value(params, name, slug, term.label(locale.language_code), count))
        elif name == "country":
            present = {lab.country.code for lab in labs.values() if lab.country}
            present |= set(facet_counts) | set(params.selected("country"))
            for code in sorted(present, key=lambda code: str(countries.name(code))):
                group.values.append(_value(params, name, code, str(countries.name(code)), facet_counts.get(code, 0)))
        elif name == "lab":
            _lab_values(group, params, facet_counts, chosen, labs)
        else:
            for value, label in choice_facet_values(name):
                group.values.append(_value(params, name, value, str(label), facet_counts.get(value, 0)))
        groups.append(group)
    groups.append(_year_group(params, counts.get("year", {})))
    return groups


def readable_labs(locale) -> dict[str, LabPage]:
    """Every live, public lab by translation key, in the reader's language when translated.

    Each lab carries ``group_ids``: the ids of all its live translations."""
    labs: dict[str, LabPage] = {}
    ids: dict[str, list[int]] = {}
    for lab in (
        LabPage.objects.live().public().only("id", "title", "translation_key", "locale_id", "country").order_by("pk")
    ):
        key = str(lab.translation_key)
        ids.setdefault(key, []).append(lab.pk)
        if key not in labs or lab.locale_id == locale.pk:
            labs[key] = lab
    for key, lab in labs.items():
        lab.group_ids = ids[key]
    return labs


def _value(params: SearchParams, name: str, value, label: str, count: int) -> FacetValue:
    return FacetValue(str(value), label, count, value in params.selected(name), params.toggled(name, value).urlencode())


def _lab_values(group: FacetGroup, params: SearchParams, facet_counts: dict, chosen: Selection, labs: dict) -> None:
    """Labs by translation group (counts merged), labelled and linked in the reader's language."""
    values = []
    for key, lab in labs.items():
        count = sum(facet_counts.get(str(pk), 0) for pk in lab.group_ids)
        chosen_ids = chosen.lab_keys.get(key, [])
        if chosen_ids:
            toggled = [pk for pk in params.selected("lab") if pk not in chosen_ids]
        else:
            toggled = [*params.selected("lab"), lab.pk]
        query = params.querydict(lab=toggled).urlencode()
        values.append(FacetValue(str(lab.pk), lab.title, count, bool(chosen_ids), query))
    values.sort(key=lambda value: (not value.selected, -value.count, value.label.casefold()))
    shown = [value for value in values if value.selected or value.count][:LAB_VALUES_SHOWN]
    group.values = shown
    group.more = [value for value in values if value not in shown]


def _year_group(params: SearchParams, counts: dict) -> FacetGroup:
    group = FacetGroup("year", str(LABELS["year"]))
    per_year = {int(year): count for year, count in counts.items() if str(year).isdigit()}
    for start, end, label in YEAR_BUCKETS:
        count = sum(
            n for year, n in per_year.items() if (start is None or year >= start) and (end is None or year <= end)
        )
        selected = params.year_from == start and params.year_to == end and (start is not None or end is not None)
        query = (
            params.querydict(year_from=None, year_to=None)
            if selected
            else params.querydict(year_from=start, year_to=end)
        )
        group.values.append(FacetValue(f"{start or ''}-{end or ''}", str(label), count, selected, query.urlencode()))
    return group
