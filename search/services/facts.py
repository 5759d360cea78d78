"""Counts and order of the practice search, computed by the database in one statement.

The statement has two materialised parts, read once each:

- ``scope``: the practices the reader may find whose text matches (``scope.readable_pages``),
  with their publication date;
- ``cand``: their facet columns (read through the narrow ``search_practice_facets``
  index) and, for each facet with a selection, whether they miss it (``m_<facet>``).
  Only candidates missing at most one selected facet are kept: a result misses none; a
  candidate missing exactly one still counts for that facet (choosing another value
  there would bring it in).

Then one ``UNION ALL`` returns, as ``(kind, value, number)`` rows: the count of each
value of each facet (over the candidates passing every *other* facet), the total, and
the requested page of ids in order (or every result id, when the backend ranks them or
titles are sorted in Python). Nothing returned grows with the number of candidates,
and the number of queries is fixed.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, F, IntegerField, Value, When
from wagtail.models import Page

from practices.models import PracticePage
from search.backends.base import IdList
from search.backends.terms import fold
from search.services.facets import RELATIONS, SCALAR, Selection, through
from search.services.params import SearchParams

NO_LIMIT = 1_000_000_000
FACET_INDEX = "search_practice_facets"  # search migration 0003
TOTAL, PAGE, RESULT = "_total", "_page", "_result"


@dataclass
class Facts:
    total: int = 0
    page_ids: list[int] = field(default_factory=list)  # the requested slice, in order (unless ranked)
    result_ids: list[int] = field(default_factory=list)  # every result: only when the backend ranks them
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


def search_facts(
    scope,
    chosen: Selection,
    params: SearchParams,
    *,
    ranked: bool,  # the backend orders the results by relevance: every result id is returned
    start: int,
    stop: int,
    with_counts: bool = True,
) -> Facts:
    """``scope``: a ``Page`` queryset of the readable practices matching the text
    (``scope.readable_pages``), narrowed by ``chosen.candidates()``."""
    candidates = chosen.candidates()
    if candidates is not None:
        scope = scope.filter(candidates)
    scope_sql, scope_params = scope.values("pk", "first_published_at").query.sql_with_params()
    cand_sql, cand_params, misses = _candidates(chosen, keep_one_miss=with_counts)
    branches, branch_params = [], []
    every = " + ".join(misses) or "0"
    if with_counts:
        for name in SCALAR:
            others = " + ".join(miss for miss in misses if miss != f"m_{name}") or "0"
            branches.append(
                f"SELECT '{name}', CAST(c.f_{name} AS TEXT), COUNT(*) FROM cand c "  # noqa: S608 (names from code)
                f"WHERE {others} = 0 AND c.f_{name} IS NOT NULL GROUP BY c.f_{name}"
            )
        for name, relation in [*RELATIONS.items(), ("lab", "labs")]:
            table, column = _through_table(relation)
            # "+c.c_pk": each candidate's terms are looked up (SQLite would rather scan the
            # whole relation table and probe the candidates).
            others = " + ".join(miss for miss in misses if miss != f"m_{name}") or "0"
            branches.append(
                f"SELECT '{name}', CAST(t.{column} AS TEXT), COUNT(*) FROM cand c "  # noqa: S608
                f"JOIN {table} t ON t.practicepage_id = +c.c_pk WHERE {others} = 0 GROUP BY t.{column}"
            )
    branches.append(f"SELECT '{TOTAL}', NULL, COUNT(*) FROM cand c WHERE {every} = 0")  # noqa: S608
    sort = params.effective_sort
    if ranked or sort == "title":
        branches.append(f"SELECT '{RESULT}', NULL, c.c_pk FROM cand c WHERE {every} = 0")  # noqa: S608
    else:
        order = "c.published DESC NULLS LAST, c.c_pk DESC"
        if sort == "verified":
            order = f"c.f_verified DESC NULLS LAST, {order}"
        branches.append(
            f"SELECT * FROM (SELECT '{PAGE}', CAST(ROW_NUMBER() OVER (ORDER BY {order}) AS TEXT), c.c_pk "  # noqa: S608
            f"FROM cand c WHERE {every} = 0 ORDER BY {order} LIMIT %s OFFSET %s) AS page"
        )
        branch_params += [max(stop - start, 0), start]
    sql = (
        f"WITH scope (id, first_published_at) AS MATERIALIZED ({scope_sql}), cand AS MATERIALIZED ({cand_sql}) "  # noqa: S608
        + " UNION ALL ".join(branches)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*scope_params, *cand_params, *branch_params])
        rows = cursor.fetchall()
    return _facts(rows, params, start, stop)


def _candidates(chosen: Selection, *, keep_one_miss: bool) -> tuple[str, list, list[str]]:
    """SQL of the candidates (facet columns ``f_<facet>``, misses ``m_<facet>``) and the miss columns.

    The scope drives: each scope id finds its practice's facet columns in the narrow
    ``search_practice_facets`` index (on SQLite, named: its planner would otherwise
    read the wide table rows, whole case studies). The miss tests are the selection's
    SQL filters, compiled by the ORM.
    """
    misses = {
        f"m_{name}": Case(When(condition, then=Value(0)), default=Value(1), output_field=IntegerField())
        for name, condition in chosen.filters.items()
    }
    columns = {f"f_{name}": F(column) for name, column in SCALAR.items()}
    queryset = (
        PracticePage.objects.annotate(c_pk=F("pk"), **columns, f_verified=F("last_verified"), **misses)
        .order_by()
        .values_list("c_pk", *columns, "f_verified", *misses)
    )
    sql, sql_params = queryset.query.sql_with_params()
    table = connection.ops.quote_name(PracticePage._meta.db_table)
    hint = f" INDEXED BY {FACET_INDEX}" if connection.vendor == "sqlite" else ""
    source = f"FROM {table}"
    if not sql.startswith("SELECT ") or sql.count(source) != 1 or " WHERE " in sql.split(source)[1]:
        raise ValueError(f"Unexpected candidates SQL: {sql}")
    sql = sql.replace("SELECT ", "SELECT s.first_published_at AS published, ", 1).replace(
        source, f"FROM scope s JOIN {table}{hint} ON {table}.page_ptr_id = s.id"
    )
    limit = 1 if keep_one_miss else 0
    where = f"WHERE {' + '.join(misses)} <= {limit}" if misses else ""
    # LIMIT keeps the subquery from being flattened (which would compute each test twice).
    return f"SELECT * FROM ({sql} LIMIT {NO_LIMIT}) AS candidate {where}", list(sql_params), list(misses)  # noqa: S608


def _through_table(relation: str) -> tuple[str, str]:
    model, column = through(relation)
    return model._meta.db_table, column


def _facts(rows: list[tuple], params: SearchParams, start: int, stop: int) -> Facts:
    facts = Facts()
    page = []
    for kind, value, number in rows:
        if kind == TOTAL:
            facts.total = number
        elif kind == PAGE:
            page.append((int(value), number))
        elif kind == RESULT:
            facts.result_ids.append(number)
        elif value not in (None, ""):
            facts.counts.setdefault(kind, {})[value] = number
    if params.effective_sort == "title":
        facts.page_ids = _by_title(facts.result_ids)[start:stop]
        facts.result_ids = []
    else:
        facts.page_ids = [pk for _position, pk in sorted(page)]
    return facts


def _by_title(ids: list[int]) -> list[int]:
    titles = dict(Page.objects.filter(pk__in=IdList(ids)).values_list("pk", "title"))
    return sorted(ids, key=lambda pk: (fold(titles.get(pk, "")), pk))
