"""Counts and order of the practice search, computed by the database in one statement.

The statement has two materialised parts, read once each:

- ``scope``: the practices the reader may find whose text matches (``scope.readable_pages``,
  the ORM's queryset embedded whole), with their publication date;
- ``cand``: their facet columns, read through the narrow ``search_practice_facets``
  index, and, for each facet with a selection, whether they miss it (``m_<facet>``: the
  selection's filter, compiled by the ORM). Only those missing at most one selected
  facet are kept: a result misses none; a practice missing exactly one still counts
  for that facet (choosing another value there would bring it in).

Then one ``UNION ALL`` returns, as ``(kind, value, number)`` rows: the count of each
value of each facet (over the candidates passing every *other* facet), the total, and
the requested page of ids in order (or every result id, when the backend ranks them or
titles are sorted in Python). Nothing returned grows with the number of candidates,
and the number of queries is fixed.

Why SQL written here, measured on ``tests/bench/search_bench.py``'s data (10,000
practices) with the bench's operations:

- the ORM has no common table expressions: the same facts as ORM queries (one per
  facet, the total, the page) re-read the scope each time. Median ms of these facts,
  SQLite / PostgreSQL: broad query 945 / 489 instead of 95 / 102, browsing 886 / 529
  instead of 88 / 84; with the scope's ids read once and passed to each query, still
  394 / 389 and 544 / 395;
- the candidates as an ORM queryset (``pk__in`` the scope, no index hint) instead of
  ``cand`` below: up to 24 % more CPU for a whole search on SQLite (browsing), up to
  31 % more time on PostgreSQL;
- without the index hint, up to 18 % more CPU for a whole search on SQLite (browsing);
  without ``+c.c_pk`` in the relation counts, 25 to 50 %.

The only SQL Django generated in the statement is embedded whole: the scope, and each
facet's filter.

A scope known as a list of ids (the readable ids kept) is counted in memory instead, to
the same facts (``search.services.tally``); the statement answers the rest: SQLite's
matches, nothing kept yet, the reader's territories.
"""

from dataclasses import dataclass, field

from django.db import connection
from wagtail.models import Page

from practices.models import PracticePage
from search.backends.base import IdList
from search.backends.terms import fold
from search.services.facets import RELATIONS, SCALAR, Selection, through
from search.services.params import SearchParams
from territories.models import Territory
from territories.similarity import closeness_sql

FACET_INDEX = "search_practice_facets"  # search migration 0003
TOTAL, PAGE, RESULT = "_total", "_page", "_result"
RELATION_FACETS = {**RELATIONS, "lab": "labs"}  # facet -> practice many-to-many field
VERIFIED = "last_verified"  # the "recently verified" sort's column, read from the facet index

Sql = tuple[str, list]  # a piece of SQL and its parameters


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
    few: bool = False,  # the scope is a list of ids the planner counts (``IdList.counted``)
    territory: Territory | None = None,  # the reader's: needed to sort by closeness
    total: int | None = None,  # already known (kept with the counts): only the page is looked for
) -> Facts:
    """``scope``: a ``Page`` queryset of the readable practices matching the text
    (``scope.readable_pages``), narrowed by ``chosen.candidates()``."""
    candidates = chosen.candidates()
    if candidates is not None:
        scope = scope.filter(candidates)
    misses = list(chosen.filters)
    sort = params.effective_sort
    closest = sort == "closest" and territory is not None and not ranked
    if sort == "closest" and not closest:
        sort = "newest"
    if total is not None and not with_counts:
        if ranked or sort == "title":
            ids = results_only(scope, chosen)
            if ranked:
                return Facts(total=total, result_ids=ids)
            return Facts(total=total, page_ids=by_title(ids)[start:stop])
        nearness = closeness_sql(territory, "rt") if closest else None
        return Facts(total=total, page_ids=page_only(scope, chosen, sort, nearness, start, stop))
    branches = []
    if with_counts:
        branches += [facet_count_branch(name, misses) for name in SCALAR]
        branches += [
            relation_count_branch(name, relation, misses, few=few) for name, relation in RELATION_FACETS.items()
        ]
    branches.append(total_branch(misses))
    if ranked or sort == "title":
        branches.append(result_branch(misses))
    else:
        branches.append(page_branch(sort, misses, start, stop))
    nearness = closeness_sql(territory, "rt") if closest else None
    ctes = [scope_cte(scope), candidates_cte(chosen, keep_one_miss=with_counts, closeness=nearness)]
    statement = joined([("WITH", []), joined(ctes, ", "), joined(branches, " UNION ALL ")])
    with connection.cursor() as cursor:
        cursor.execute(*statement)
        rows = cursor.fetchall()
    return _facts(rows, params, start, stop)


def page_only(scope, chosen: Selection, sort: str, closeness: Sql | None, start: int, stop: int) -> list[int]:
    """The page of result ids, when the counts and the total are known: one ordered query with
    a limit over the scope, the selection's filters as plain conditions (which the planner
    can estimate, unlike the counted misses), nothing else materialised: the database keeps
    only the best rows while it reads. Measured at 100,000 practices on PostgreSQL
    (``make bench-search``): browsing in about half the time of the whole statement
    without its counts (its materialised candidates, the full sort spilt to disk)."""
    table = _quoted(PracticePage._meta.db_table)
    columns = ["s.id AS c_pk", "s.first_published_at AS published", f"p.{_column(VERIFIED)} AS f_verified"]
    params = []
    source = f"scope s JOIN {table} p ON p.{_column('page_ptr')} = s.id"
    if closeness:
        columns.append(f"{closeness[0]} AS f_closeness")
        params += closeness[1]
        source += f" LEFT JOIN {_quoted(Territory._meta.db_table)} rt ON rt.id = p.{_column('reference_territory')}"
    where, where_params = filters_where(chosen)
    params += where_params
    page = (
        f"SELECT c.c_pk FROM (SELECT {', '.join(columns)} FROM {source} WHERE {where}) AS c "  # noqa: S608 (names from code)
        f"ORDER BY {page_order(sort)} LIMIT %s OFFSET %s",
        [*params, max(stop - start, 0), start],
    )
    statement = joined([("WITH", []), scope_cte(scope), page])
    with connection.cursor() as cursor:
        cursor.execute(*statement)
        return [pk for (pk,) in cursor.fetchall()]


def results_only(scope, chosen: Selection) -> list[int]:
    """Every result id (for the backend to rank, or to sort by title in Python), when the
    counts and the total are known: the scope, and the practice rows only to test the
    selection's filters. Measured at 100,000 practices on PostgreSQL for "projet"
    (``tests/bench/search_fresh_bench.py``): about 110 ms, against about 200 for the
    statement's candidates (every scope practice joined to its facet columns)."""
    if chosen.filters:
        where, params = filters_where(chosen)
        table = _quoted(PracticePage._meta.db_table)
        found = (f"SELECT s.id FROM scope s JOIN {table} p ON p.{_column('page_ptr')} = s.id WHERE {where}", params)  # noqa: S608
    else:
        found = ("SELECT s.id FROM scope s", [])
    statement = joined([("WITH", []), scope_cte(scope), found])
    with connection.cursor() as cursor:
        cursor.execute(*statement)
        return [pk for (pk,) in cursor.fetchall()]


# The common table expressions


def scope_cte(scope) -> Sql:
    """The readable practices matching the text: the ORM's queryset, embedded whole."""
    sql, params = scope.values("pk", "first_published_at").query.sql_with_params()
    return f"scope (id, first_published_at) AS MATERIALIZED ({sql})", list(params)


def candidates_cte(chosen: Selection, *, keep_one_miss: bool, closeness: Sql | None = None) -> Sql:
    """Each scope practice's facet columns (``f_<facet>``) and misses (``m_<facet>``):
    the scope drives, each id finds its practice's facet columns in the narrow facet index.
    Kept: the practices missing at most one selected facet (none when nothing is counted).
    ``closeness``: the SQL of the closeness of a territory ``rt`` to the reader's, kept as
    ``f_closeness`` (the practice's reference territory, joined by primary key)."""
    table = _quoted(PracticePage._meta.db_table)
    columns = [
        "s.id AS c_pk",
        "s.first_published_at AS published",
        *(f"{table}.{_column(model_field)} AS f_{name}" for name, model_field in SCALAR.items()),
        f"{table}.{_column(VERIFIED)} AS f_verified",
    ]
    misses = [miss_column(name, condition) for name, condition in chosen.filters.items()]
    nearness = [(f"{closeness[0]} AS f_closeness", closeness[1])] if closeness else []
    sql, params = joined([(", ".join(columns), []), *nearness, *misses], ", ")
    source = f"scope s JOIN {table}{facet_index_hint()} ON {table}.{_column('page_ptr')} = s.id"
    if closeness:
        territories = _quoted(Territory._meta.db_table)
        source += f" LEFT JOIN {territories} rt ON rt.id = {table}.{_column('reference_territory')}"
    sql = f"SELECT {sql} FROM {source}"  # noqa: S608 (names from code)
    if chosen.filters:
        # SQLite merges this subquery into the outer one, testing each miss twice: measured
        # within 3 % of a LIMIT that would keep it apart.
        most = 1 if keep_one_miss else 0
        sql = f"SELECT * FROM ({sql}) AS candidate WHERE {miss_sum(chosen.filters)} <= {most}"  # noqa: S608
    return f"cand AS MATERIALIZED ({sql})", params


def filters_where(chosen: Selection) -> Sql:
    """Every filter of the selection as one plain condition on the practice table, named
    ``p`` (``TRUE`` without any), for the statements that look for results only."""
    conditions = [practice_condition(name, condition, "p") for name, condition in chosen.filters.items()]
    return " AND ".join(sql for sql, _params in conditions) or "TRUE", [
        param for _sql, params in conditions for param in params
    ]


def miss_column(name: str, condition) -> Sql:
    """``m_<name>``: 0 when the practice passes the facet's selection, else 1."""
    sql, params = practice_condition(name, condition)
    return f"CASE WHEN {sql} THEN 0 ELSE 1 END AS m_{name}", params


def practice_condition(name: str, condition, alias: str | None = None) -> Sql:
    """The selection's filter of facet ``name``, compiled by the ORM on the practice table
    (named ``alias`` in the statement, if given)."""
    query = PracticePage.objects.filter(condition).query
    if any(count for table, count in query.alias_refcount.items() if table != query.base_table):
        raise ValueError(f"The {name} facet filters on another table than the practice's: {condition}")
    sql, params = query.get_compiler(connection=connection).compile(query.where)
    if alias:
        sql = sql.replace(f"{_quoted(PracticePage._meta.db_table)}.", f"{alias}.")
    return sql, list(params)


def facet_index_hint() -> str:
    """SQLite reads the facet columns from the wide practice rows (whole case studies)
    unless told to use the narrow index; PostgreSQL chooses it by itself."""
    return f" INDEXED BY {FACET_INDEX}" if connection.vendor == "sqlite" else ""


# The UNION ALL branches: (kind, value, number) rows


def facet_count_branch(name: str, misses: list[str]) -> Sql:
    """How many candidates passing every other facet have each value of ``name``."""
    return (
        f"SELECT '{name}', CAST(c.f_{name} AS TEXT), COUNT(*) FROM cand c "  # noqa: S608 (names from code)
        f"WHERE {miss_sum(misses, but=name)} = 0 AND c.f_{name} IS NOT NULL GROUP BY c.f_{name}",
        [],
    )


def relation_count_branch(name: str, relation: str, misses: list[str], *, few: bool = False) -> Sql:
    """The same for a many-to-many facet, through its relation table. ``+c.c_pk``: each
    candidate's terms are looked up (SQLite would rather scan the whole relation table
    and probe the candidates).

    ``few`` candidates (a scope of ids PostgreSQL counts, ``IdList.counted``) are looked for in the relation
    table as a set (a semi-join): PostgreSQL knows nothing of the candidates' ids and would
    rather hash the whole relation table. Measured at 100,000 practices ("santé", 13,862
    results): 175 ms instead of 211 for the statement. With 100,000 candidates the semi-join
    took 600 ms instead of 500."""
    model, column = through(relation)
    table, column = _quoted(model._meta.db_table), _quoted(column)
    if few:
        return (
            f"SELECT '{name}', CAST(t.{column} AS TEXT), COUNT(*) FROM {table} t "  # noqa: S608 (names from code)
            f"WHERE t.practicepage_id IN (SELECT c.c_pk FROM cand c WHERE {miss_sum(misses, but=name)} = 0) "
            f"GROUP BY t.{column}",
            [],
        )
    return (
        f"SELECT '{name}', CAST(t.{column} AS TEXT), COUNT(*) FROM cand c "  # noqa: S608 (names from code)
        f"JOIN {table} t ON t.practicepage_id = +c.c_pk WHERE {miss_sum(misses, but=name)} = 0 GROUP BY t.{column}",
        [],
    )


def total_branch(misses: list[str]) -> Sql:
    return f"SELECT '{TOTAL}', NULL, COUNT(*) FROM cand c WHERE {miss_sum(misses)} = 0", []  # noqa: S608


def result_branch(misses: list[str]) -> Sql:
    """Every result id (for the backend to rank, or to sort by title in Python)."""
    return f"SELECT '{RESULT}', NULL, c.c_pk FROM cand c WHERE {miss_sum(misses)} = 0", []  # noqa: S608


def page_order(sort: str) -> str:
    order = "c.published DESC NULLS LAST, c.c_pk DESC"
    if sort == "verified":
        return f"c.f_verified DESC NULLS LAST, {order}"
    if sort == "closest":
        return f"c.f_closeness DESC NULLS LAST, {order}"
    return order


def page_branch(sort: str, misses: list[str], start: int, stop: int) -> Sql:
    """The page of result ids, each with its position (``UNION ALL`` keeps no order)."""
    order = page_order(sort)
    return (
        f"SELECT * FROM (SELECT '{PAGE}', CAST(ROW_NUMBER() OVER (ORDER BY {order}) AS TEXT), c.c_pk "  # noqa: S608
        f"FROM cand c WHERE {miss_sum(misses)} = 0 ORDER BY {order} LIMIT %s OFFSET %s) AS page",
        [max(stop - start, 0), start],
    )


def miss_sum(misses, but: str | None = None) -> str:
    """How many of the selected facets (but one) a candidate misses. The leading ``+`` keeps
    SQLite from taking ``m_x = 0`` (one facet selected) as the key of an automatic index on the
    candidates, probed for every row of a relation table: 30 s instead of 0.1 s at 10,000
    practices with only ``country`` selected (``make bench-search``, ``closest``)."""
    terms = [f"m_{name}" for name in misses if name != but]
    return f"+{' + '.join(terms)}" if terms else "0"


def joined(pieces: list[Sql], separator: str = " ") -> Sql:
    return separator.join(sql for sql, _params in pieces), [param for _sql, params in pieces for param in params]


def _quoted(name: str) -> str:
    return connection.ops.quote_name(name)


def _column(name: str) -> str:
    return _quoted(PracticePage._meta.get_field(name).column)


# Reading the rows


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
        facts.page_ids = by_title(facts.result_ids)[start:stop]
        facts.result_ids = []
    else:
        facts.page_ids = [pk for _position, pk in sorted(page)]
    return facts


def by_title(ids: list[int]) -> list[int]:
    """``ids`` in the order of their titles, accents and case folded (ties: by id): the "title" sort."""
    titles = dict(Page.objects.filter(pk__in=IdList(ids)).values_list("pk", "title"))
    return sorted(ids, key=lambda pk: (fold(titles.get(pk, "")), pk))
