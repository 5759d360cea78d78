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

from django.db import connection
from django.db.models import Case, Exists, IntegerField, OuterRef, TextField, Value, When
from django.db.models.functions import Cast
from wagtail.models import Page

from search.backends.base import IdList
from search.backends.terms import fold
from search.services.facets import SCALAR, Selection, among
from search.services.params import SearchParams

NO_LIMIT = 1_000_000_000


def known(value) -> tuple:
    """A sort key putting missing values last in descending order, whatever the value type."""
    return (1, value) if value is not None else (0,)


@dataclass
class Facts:
    result_ids: list[int] = field(default_factory=list)  # in the page's order (unranked for relevance)
    ids_by_facet: dict[str, list[int]] = field(default_factory=dict)  # selected facet -> ids passing the others
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # column facets


def candidate_facts(candidates: list[tuple], chosen: Selection, params: SearchParams, *, ranked: bool) -> Facts:
    """``candidates``: ``(pk, first_published_at)`` pairs (``scope.readable_rows``)."""
    published = dict(candidates)
    rows, misses = _candidate_rows(list(published), chosen)
    facts = Facts(ids_by_facet={name: [] for name in chosen.filters})
    counters = {name: {} for name in SCALAR}
    results = []
    first_miss = 1 + len(SCALAR)
    for row in rows:
        missing = [name for offset, name in enumerate(misses) if row[first_miss + offset]]
        if len(missing) > 1:
            continue
        if missing:
            facts.ids_by_facet[missing[0]].append(row[0])
            counted = missing
        else:
            results.append(row)
            counted = SCALAR
        for position, name in enumerate(SCALAR, 1):
            value = row[position]
            if name in counted and value not in (None, ""):
                counter = counters[name]
                counter[str(value)] = counter.get(str(value), 0) + 1
    _sort(results, params.effective_sort, published, ranked)
    facts.result_ids = [row[0] for row in results]
    for name in chosen.filters:
        facts.ids_by_facet[name] += facts.result_ids
    facts.counts = counters
    return facts


def _candidate_rows(ids: list[int], chosen: Selection) -> tuple[list[tuple], list[str]]:
    """``(pk, *SCALAR columns, *misses, last_verified)`` of the candidates missing at most
    one selected facet (filtered in SQL; each test computed once, in a subquery)."""
    misses = list(chosen.filters)
    tests = {}
    for name in misses:
        passes = (
            Exists(chosen.members[name].filter(practicepage_id=OuterRef("pk")))
            if name in chosen.members
            else chosen.filters[name]
        )
        tests[f"_miss_{name}"] = Case(When(passes, then=Value(0)), default=Value(1), output_field=IntegerField())
    verified = Cast("last_verified", TextField())  # as text: compared only, never parsed
    queryset = among(ids).annotate(**tests, _verified=verified).values_list("pk", *SCALAR.values(), *tests, "_verified")
    sql, sql_params = queryset.query.sql_with_params()
    if tests:
        # LIMIT keeps the subquery from being flattened (which would compute each test twice).
        missing = " + ".join(f'candidate."{alias}"' for alias in tests)
        sql = f"SELECT * FROM ({sql} LIMIT {NO_LIMIT}) AS candidate WHERE {missing} <= 1"  # noqa: S608
    with connection.cursor() as cursor:  # raw rows: the values are only compared and counted
        cursor.execute(sql, sql_params)
        return cursor.fetchall(), misses


def _sort(rows: list[tuple], sort: str, published: dict, ranked: bool) -> None:
    if sort == "newest" or (sort == "relevance" and not ranked):
        rows.sort(key=lambda row: (known(published[row[0]]), row[0]), reverse=True)
    elif sort == "verified":
        rows.sort(key=lambda row: (known(row[-1]), known(published[row[0]]), row[0]), reverse=True)
    elif sort == "title":
        titles = dict(Page.objects.filter(pk__in=IdList([row[0] for row in rows])).values_list("pk", "title"))
        rows.sort(key=lambda row: (fold(titles.get(row[0], "")), row[0]))
