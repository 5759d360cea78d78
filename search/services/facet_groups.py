"""What the facet panel shows: each facet's values with labels in the reader's language,
counts, whether they are selected, and the link that toggles them. The labs listed are read
once per content version (``search.services.kept``)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from django_countries import countries

from labs.models import LabPage
from praxis.visibility import private_section_paths, public_q
from search.services.facets import (
    ORDER,
    TAXONOMY_FACETS,
    YEAR_BUCKETS,
    Selection,
    Vocabulary,
    choice_facet_values,
)
from search.services.kept import kept
from search.services.params import LABELS, SearchParams

LAB_VALUES_SHOWN = 12  # the other labs with results stay reachable under "more"


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    toggle: Callable[[], str]  # builds the query string that toggles this value (only when shown as a link)

    @property
    def is_empty(self) -> bool:
        return self.count == 0

    @cached_property
    def query(self) -> str:
        return self.toggle()


@dataclass
class FacetGroup:
    name: str
    label: str
    values: list[FacetValue] = field(default_factory=list)
    more: list[FacetValue] = field(default_factory=list)

    @property
    def selected_count(self) -> int:
        return sum(value.selected for value in [*self.values, *self.more])


@dataclass
class Lab:
    pk: int
    title: str
    country: str
    group_ids: list[int]


def facet_groups(params: SearchParams, counts: dict, vocabulary: Vocabulary, chosen: Selection, locale, request=None):
    """Taxonomies and fixed vocabularies list every value (0 marked); countries list the
    network's countries; labs list those with results (and the selected ones)."""
    vary = [locale.pk, *sorted(private_section_paths(request))]
    labs = kept(request, "search-facet-labs", vary, lambda: readable_labs(locale, request))
    groups = []
    for name in ORDER:
        group = FacetGroup(name, str(LABELS[name]))
        facet_counts = counts.get(name, {})
        if name in TAXONOMY_FACETS:
            for slug, term in vocabulary.terms[name].items():
                count = facet_counts.get(str(term.pk), 0)
                group.values.append(_value(params, name, slug, term.label(locale.language_code), count))
        elif name == "country":
            present = {lab.country for lab in labs.values() if lab.country}
            present |= set(facet_counts) | set(params.selected("country"))
            names = {code: str(countries.name(code)) for code in present}
            for code in sorted(present, key=names.get):
                group.values.append(_value(params, name, code, names[code], facet_counts.get(code, 0)))
        elif name == "lab":
            _lab_values(group, params, facet_counts, chosen, labs)
        else:
            for value, label in choice_facet_values(name):
                group.values.append(_value(params, name, value, str(label), facet_counts.get(value, 0)))
        groups.append(group)
    groups.append(_year_group(params, counts.get("year", {})))
    return groups


def readable_labs(locale, request=None) -> dict[str, Lab]:
    """Every live, public lab by translation key, in the reader's language when translated."""
    labs: dict[str, Lab] = {}
    rows = (
        LabPage.objects.live()
        .filter(public_q(private_section_paths(request)))
        .order_by("pk")
        .values_list("pk", "title", "translation_key", "locale_id", "country")
    )
    for pk, title, key, locale_id, country in rows:
        key = str(key)
        if key in labs:
            labs[key].group_ids.append(pk)
            if locale_id != locale.pk:
                continue
        group_ids = labs[key].group_ids if key in labs else [pk]
        labs[key] = Lab(pk, title, country, group_ids)
    return labs


def _value(params: SearchParams, name: str, value, label: str, count: int) -> FacetValue:
    selected = value in params.selected(name)
    return FacetValue(str(value), label, count, selected, lambda: params.toggled(name, value).urlencode())


def _lab_values(group: FacetGroup, params: SearchParams, facet_counts: dict, chosen: Selection, labs: dict) -> None:
    """Labs by translation group (counts merged), labelled and linked in the reader's language."""
    values = []
    for key, lab in labs.items():
        count = sum(facet_counts.get(str(pk), 0) for pk in lab.group_ids)
        chosen_ids = chosen.lab_keys.get(key, [])
        if not count and not chosen_ids:
            continue

        def toggle(lab=lab, chosen_ids=chosen_ids):
            selected = params.selected("lab")
            ids = [pk for pk in selected if pk not in chosen_ids] if chosen_ids else [*selected, lab.pk]
            return params.querydict(lab=ids).urlencode()

        values.append(FacetValue(str(lab.pk), lab.title, count, bool(chosen_ids), toggle))
    values.sort(key=lambda value: (not value.selected, -value.count, value.label.casefold()))
    group.values, group.more = values[:LAB_VALUES_SHOWN], values[LAB_VALUES_SHOWN:]


def _year_group(params: SearchParams, counts: dict) -> FacetGroup:
    group = FacetGroup("year", str(LABELS["year"]))
    per_year = {int(year): count for year, count in counts.items() if str(year).isdigit()}
    for start, end, label in YEAR_BUCKETS:
        count = sum(
            n for year, n in per_year.items() if (start is None or year >= start) and (end is None or year <= end)
        )
        selected = params.year_from == start and params.year_to == end

        def toggle(start=start, end=end, selected=selected):
            bounds = (None, None) if selected else (start, end)
            return params.querydict(year_from=bounds[0], year_to=bounds[1]).urlencode()

        group.values.append(FacetValue(f"{start or ''}-{end or ''}", str(label), count, selected, toggle))
    return group
