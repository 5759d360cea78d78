"""What every Praxis search backend offers on top of Wagtail's API.

``match(terms, model)`` returns a :class:`TextMatch`: the pages of ``model`` whose text
matches, usable as an SQL filter (``pk__in=match.ids_filter()``) and rankable by
relevance among any candidate pages. ``within`` (optional, a ``Q`` on the model's
``FilterField`` columns) is a filter the search applies anyway in SQL: a backend that
returns a bounded number of matches (Elasticsearch) applies it too, so its matches are
all candidates; the database backends, whose match is a subquery of that SQL, leave it
to the SQL. The discovery service only talks to this
interface, so the search page has one code path for SQLite, PostgreSQL and
Elasticsearch.
"""

import json
from collections.abc import Iterable, Sequence

from django.db.models import BigIntegerField, Expression, Lookup, QuerySet


class SearchUnavailable(Exception):
    """The backend cannot answer now (Elasticsearch down, refusing or too slow)."""


def pg_array(ids: Iterable[int]) -> str:
    """A PostgreSQL array literal of integers (``'{1,2,3}'``), cast to ``bigint[]`` or
    ``text[]`` in the statement. psycopg adapts a Python list element by element (and,
    to quote a text array, tests each one with a regular expression): for the 100,000 ids
    of a common word, 62 ms per array against 21 ms for this literal, built and parsed
    (``tests/bench/search_fresh_bench.py``)."""
    return "{" + ",".join(map(str, ids)) + "}"


PROBE_AT_MOST = 500
COUNTED_AT_MOST = 20_000  # ids compared as they are when they are the whole of what is sought (``Among``)


class IdList(Expression):
    """A list of primary keys as one SQL parameter: ``pk__in=IdList([...])``.

    SQLite reads it with ``json_each`` and PostgreSQL as an array (``pg_array``), so
    10,000 ids are one bound value instead of 10,000 placeholders.
    """

    output_field = BigIntegerField()

    def __init__(self, ids: Iterable[int], *, whole: bool = False):
        super().__init__()
        self.ids = [int(pk) for pk in ids]
        self.whole = whole  # the rows sought are these, not a narrower scan's rows filtered by them (``Among``)
        self._literal = None

    @property
    def counted(self) -> bool:
        """PostgreSQL is given these ids as they are, and counts them (``Among``): a few, or up
        to ``COUNTED_AT_MOST`` when they are the whole of what is sought."""
        return len(self.ids) <= (COUNTED_AT_MOST if self.whole else PROBE_AT_MOST)

    @property
    def literal(self) -> str:
        """``pg_array(self.ids)``, built once (a search passes its match to several statements)."""
        if self._literal is None:
            self._literal = pg_array(self.ids)
        return self._literal

    def as_sql(self, compiler, connection):
        if not self.ids:
            return "(SELECT NULL WHERE 1 = 0)", []
        return "(" + ", ".join(["%s"] * len(self.ids)) + ")", list(self.ids)

    def as_sqlite(self, compiler, connection):
        return "(SELECT value FROM json_each(%s))", [json.dumps(self.ids)]

    def as_postgresql(self, compiler, connection):
        return "(SELECT unnest(%s::bigint[]))", [self.literal]

    def __repr__(self):
        return f"IdList({len(self.ids)} ids)"


class Among(Lookup):
    """``pk__among=ids_filter``: like ``__in``, but an :class:`IdList` becomes
    ``id::bigint = ANY(array)`` on PostgreSQL. With ``IN (SELECT unnest(...))`` its planner
    guesses 200 ids and probes the pages one by one; with ``id = ANY`` it probes the
    primary key 10,000 times. As a filter of same-type values, the array is hashed once and
    each page of the (narrower) scan is tested against it: 28 ms instead of 47 for a broad
    query at 10,000 practices. A few ids are still looked up through the primary key.

    An ``IdList`` that is the ``whole`` of what is sought (``search.services.found``: the
    readable practices matching a search, as ids) is compared as it is, up to 20,000 ids:
    the planner counts them and chooses how to find the pages. Cast, it estimated every page
    found and read every relation table whole: at 100,000 practices, 200 ms instead of 10
    for 575 ids, 270 instead of 220 for 13,862. Past that, it probed the primary key for
    each id: 100,000 ids took 150 ms instead of 40 through the hashed array.

    Registered by ``SearchConfig.ready`` on the one field that uses it: the page
    primary key (``scope.readable_pages``, ``search.services.found``)."""

    lookup_name = "among"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        if isinstance(self.rhs, IdList) and connection.vendor == "postgresql":
            if self.rhs.counted:
                return f"{lhs} = ANY(%s::bigint[])", [*lhs_params, self.rhs.literal]
            return f"({lhs})::bigint = ANY(%s::bigint[])", [*lhs_params, self.rhs.literal]
        rhs, rhs_params = compiler.compile(self.rhs)
        if not rhs.startswith("("):
            rhs = f"({rhs})"
        return f"{lhs} IN {rhs}", [*lhs_params, *rhs_params]


def candidates_sql(candidates, connection, *, as_text=False) -> tuple[str, list]:
    """SQL for ``IN (...)``: a queryset's primary keys or a list of ids (as text to
    compare with Wagtail's ``object_id`` column)."""
    if isinstance(candidates, QuerySet):
        sql, params = candidates.order_by().values("pk").query.sql_with_params()
        if as_text:
            return f"(SELECT CAST(q.pk AS TEXT) FROM ({sql}) AS q)", list(params)  # noqa: S608
        return f"({sql})", list(params)
    id_list = IdList(candidates)
    if as_text:
        if connection.vendor == "sqlite":
            return "(SELECT CAST(value AS TEXT) FROM json_each(%s))", [json.dumps(id_list.ids)]
        if connection.vendor == "postgresql":
            return "(SELECT unnest(%s::text[]))", [id_list.literal]  # digits: no quoting
        return "(" + ", ".join(["%s"] * len(id_list.ids)) + ")" if id_list.ids else "(NULL)", [
            str(pk) for pk in id_list.ids
        ]
    vendor_method = getattr(id_list, f"as_{connection.vendor}", id_list.as_sql)
    return vendor_method(None, connection)


class TextMatch:
    """The pages of one model matching a text query."""

    def ids_filter(self):
        """Something ``pk__in`` accepts: a subquery or a list of ids."""
        raise NotImplementedError

    def ranked(self, candidates: "QuerySet | Sequence[int]", start: int, stop: int | None) -> list[tuple[int, float]]:
        """``(pk, score)`` of the matching ``candidates``, best first, sliced ``[start:stop]``."""
        raise NotImplementedError


class ScoredMatch(TextMatch):
    """A match already computed (by Elasticsearch): scores held in memory."""

    def __init__(self, scores: dict[int, float]):
        self.scores = scores

    def ids_filter(self):
        return IdList(self.scores)

    def ranked(self, candidates, start, stop):
        if isinstance(candidates, QuerySet):
            candidates = candidates.filter(pk__in=IdList(self.scores)).values_list("pk", flat=True)
        pairs = [(pk, self.scores[pk]) for pk in candidates if pk in self.scores]
        pairs.sort(key=lambda pair: (-pair[1], -pair[0]))
        return pairs[start:stop]
