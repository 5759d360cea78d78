"""One pass over the candidates: which facets each one passes, the results in order, and
the counts of the column facets — so the grouped facet query only has small id lists.

For each candidate (a practice matching the text, readable by the reader) one SQL row
gives its column facet values and, for each relation facet with a selection, whether it
belongs (``EXISTS``). A candidate missing no selected facet is a result; one missing
exactly one facet still counts for that facet (choosing another value there would
bring it in). The relation facets are then counted over those id lists
(``facets.count_relations``).
"""

from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef

from search.backends.terms import fold
from search.services.facets import SCALAR, Selection, among
from search.services.params import SearchParams

ORDERINGS = {
    "newest": ("-first_published_at", "-pk"),
    "verified": (F("last_verified").desc(nulls_last=True), "-first_published_at", "-pk"),
}


@dataclass
class Facts:
    result_ids: list[int] = field(default_factory=list)  # in the page's order (unranked for relevance)
    ids_by_facet: dict[str, list[int]] = field(default_factory=dict)  # selected facet -> ids passing the others
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # column facets


def candidate_facts(candidate_ids: list[int], chosen: Selection, params: SearchParams, *, ranked: bool) -> Facts:
    queryset = among(candidate_ids)
    relation_facets = list(chosen.members)
    flags = {
        f"_in_{name}": Exists(chosen.members[name].filter(practicepage_id=OuterRef("pk"))) for name in relation_facets
    }
    columns = ["pk", *SCALAR.values(), *flags]
    sort = params.effective_sort
    if sort == "title":
        rows = sorted(
            queryset.annotate(**flags).values_list(*columns, "title"), key=lambda row: (fold(row[-1]), row[0])
        )
    elif sort == "relevance" and ranked:
        rows = queryset.annotate(**flags).values_list(*columns)
    else:
        rows = queryset.annotate(**flags).order_by(*ORDERINGS.get(sort, ORDERINGS["newest"])).values_list(*columns)

    facts = Facts(ids_by_facet={name: [] for name in chosen.filters})
    column_tests = [
        (position, name, chosen.accepts[name]) for position, name in enumerate(SCALAR, 1) if name in chosen.accepts
    ]
    flag_tests = [(1 + len(SCALAR) + offset, name) for offset, name in enumerate(relation_facets)]
    counters = {name: {} for name in SCALAR}
    for row in rows:
        missing = [name for position, name, accepts in column_tests if not accepts(row[position])]
        missing += [name for position, name in flag_tests if not row[position]]
        if len(missing) > 1:
            continue
        counted = missing or SCALAR
        if not missing:
            facts.result_ids.append(row[0])
            for name in chosen.filters:
                facts.ids_by_facet[name].append(row[0])
        else:
            facts.ids_by_facet[missing[0]].append(row[0])
        for position, name in enumerate(SCALAR, 1):
            if name in counted and row[position] not in (None, ""):
                value = str(row[position])
                counters[name][value] = counters[name].get(value, 0) + 1
    facts.counts = counters
    return facts
