"""The facts of a search over a list of practice ids, counted in memory.

When a search's scope is a list of ids (the readable ids kept, ``search.services.found``),
its facts (every facet's counts, the total, the page of results in order, or every result
for the backend to rank) are the same as the statement of ``search.services.facts`` would
give, computed here over the facet columns of every live practice, read once per content
version (``Tally.load``) and held as arrays:

- the scalar facets (country, stage, evidence, competence, budget, start year) as small
  integer codes, one per practice;
- the many-to-many facets (policy areas, territory types, instruments, labs) as pairs of
  (practice position, term id), one per relation row;
- the two orders that need the catalogue ("newest", "recently verified") as ranks.

A selection is then a mask per facet filtered; each facet is counted over the practices
missing no *other* selected facet (``bincount``), as the statement counts them.

Why: at 100,000 practices on PostgreSQL, the statement reads each of its candidates once per
facet. For a word in nearly every practice with one filter nobody had browsed yet
(``tests/bench/search_fresh_bench.py``, "public" and rural), it took about 380 ms of the
page's 620; the facts counted here take a few ms. A facet clicked while browsing (rural,
100,000 candidates) took about 360 ms of SQL for the same reason.

The arrays take about 10 MB at 100,000 practices (``Tally.nbytes``). They are kept in this
process for the current content version (``praxis.services.versioned``: the one value held
there that is not small) and in the shared cache, so that a process finds those another
built (the worker builds them, asking for the search page after every change); a process
reads them from the database only when neither has them (about 0.8 s at 100,000, read
in chunks: the process grows by about 25 MB, where the rows read at once took 115).

Not counted here (the statement answers): the "closest" order (it needs the reader's
territory), a scope narrowed to the territories like the reader's, and the searches made
after a change while the worker renews, before it has built the tally of the new version.
"""

from dataclasses import dataclass
from datetime import date

import numpy as np
from django.db import connection
from wagtail.models import Page

from labs.models import LabPage
from practices.models import PracticePage
from praxis.services import fragments, versioned
from search.services.facets import SCALAR, Selection, through
from search.services.facts import RELATION_FACETS, VERIFIED, Facts, by_title

KEY = "praxis:search:tally"
INT = np.int32  # ids, codes, ranks and days: half the memory of 64 bits
NO_DAY = -1  # a practice never verified: after every other in the "recently verified" order
CHUNK = 10_000  # rows read at a time


@dataclass
class Scalar:
    codes: np.ndarray  # per practice: the index of its value in ``values``, -1 for none
    values: list  # the distinct values


@dataclass
class Relation:
    rows: np.ndarray  # per relation row: the position of its practice
    terms: np.ndarray  # per relation row: the term's id


@dataclass
class Tally:
    """The facet columns of every live practice, by position (ids ascending)."""

    ids: np.ndarray
    scalars: dict[str, Scalar]
    relations: dict[str, Relation]
    verified: np.ndarray  # per practice: the day it was last verified (ordinal), or ``NO_DAY``
    newest: np.ndarray  # per practice: its rank, newest first (ties: higher id first)
    recently_verified: np.ndarray  # its rank, most recently verified first, then newest

    @property
    def nbytes(self) -> int:
        arrays = [self.ids, self.verified, self.newest, self.recently_verified]
        arrays += [scalar.codes for scalar in self.scalars.values()]
        arrays += [array for relation in self.relations.values() for array in (relation.rows, relation.terms)]
        return sum(array.nbytes for array in arrays)

    @classmethod
    def load(cls) -> "Tally":
        """Read from the database: one statement for the practices, one per relation."""
        quote = connection.ops.quote_name
        practice, page = quote(PracticePage._meta.db_table), quote(Page._meta.db_table)

        def column(name):
            return quote(PracticePage._meta.get_field(name).column)

        names = list(SCALAR)
        facets = ", ".join(f"p.{column(SCALAR[name])}" for name in names)
        # Newest first, as the statement orders them: the rank is the row's position.
        sql = (
            f"SELECT p.{column('page_ptr')}, {facets}, p.{column(VERIFIED)} FROM {practice} p "  # noqa: S608 (names from the models)
            f"JOIN {page} g ON g.id = p.{column('page_ptr')} WHERE g.live "
            "ORDER BY g.first_published_at DESC NULLS LAST, g.id DESC"
        )
        ids, verified, codes = [], [], {name: [] for name in names}
        known = {name: {None: -1} for name in names}  # each facet's values: value -> code, as first met
        days = {None: NO_DAY}
        with _streamed() as cursor:
            cursor.execute(sql)
            for rows in _chunks(cursor):  # a chunk at a time: the rows as Python objects are the build's peak
                columns = list(zip(*rows, strict=True))
                ids.append(np.array(columns[0], dtype=INT))
                for index, name in enumerate(names, start=1):
                    codes[name].append(_codes(columns[index], known[name]))
                for day in set(columns[-1]) - days.keys():
                    days[day] = _ordinal(day)
                verified.append(np.fromiter(map(days.__getitem__, columns[-1]), dtype=INT, count=len(rows)))
        by_row = _joined(ids)
        order = np.argsort(by_row, kind="stable")  # the rows by id
        ids, newest = by_row[order], order.astype(INT)  # a row's index is its rank, newest first
        verified = _joined(verified)[order]
        return cls(
            ids=ids,
            scalars={
                name: Scalar(
                    codes=_joined(codes[name])[order],
                    values=sorted(known[name], key=known[name].__getitem__)[1:],  # by code, without None's -1
                )
                for name in names
            },
            relations={name: _relation(relation, ids) for name, relation in RELATION_FACETS.items()},
            verified=verified,
            newest=newest,
            # Most recently verified first, then newest: lexsort's last key sorts first.
            recently_verified=_inverse(np.lexsort((newest, -verified))),
        )

    # Counting

    def facts(
        self,
        ids,
        chosen: Selection,
        sort: str,
        *,
        ranked: bool,
        start: int,
        stop: int,
        with_counts: bool = True,
        total: int | None = None,
    ) -> Facts:
        """The facts of the search whose scope is ``ids`` (live practices), as
        ``facts.search_facts`` gives them; ``sort`` is "newest", "verified" or "title" (or
        any, when ``ranked``)."""
        positions = self.positions(ids)
        misses = {name: ~self.passes(name, chosen)[positions] for name in chosen.filters}
        missed = np.zeros(len(positions), dtype=np.int8)
        for miss in misses.values():
            missed += miss
        results = positions[missed == 0]
        facts = Facts(total=int(len(results)) if total is None else total)
        if with_counts:
            facts.counts = self.counts(positions, misses, missed)
        if ranked or sort == "title":
            result_ids = self.ids[results].tolist()
            if ranked:
                facts.result_ids = result_ids
            else:
                facts.page_ids = by_title(result_ids)[start:stop]
            return facts
        ranks = (self.recently_verified if sort == "verified" else self.newest)[results]
        best = results[np.argsort(ranks, kind="stable")[:stop]] if stop > start else results[:0]
        facts.page_ids = self.ids[best[start:stop]].tolist()
        return facts

    def positions(self, ids) -> np.ndarray:
        """The positions of ``ids`` (those of live practices; others are left out)."""
        positions, held = _located(self.ids, np.fromiter(ids, dtype=INT))
        return positions[held]

    def passes(self, name: str, chosen: Selection) -> np.ndarray:
        """Per practice: whether it passes the selection of facet ``name``."""
        wanted = chosen.wanted[name]
        if name in self.relations:
            relation = self.relations[name]
            terms = _lab_ids(wanted) if name == "lab" else list(wanted)
            passing = np.zeros(len(self.ids), dtype=bool)
            passing[relation.rows[np.isin(relation.terms, terms)]] = True
            return passing
        if name == "verified":
            return self.verified >= wanted.toordinal()
        scalar = self.scalars[name]
        if name == "year":
            low, high = wanted
            codes = [
                code
                for code, year in enumerate(scalar.values)
                if (low is None or year >= low) and (high is None or year <= high)
            ]
        else:
            codes = [code for code, value in enumerate(scalar.values) if value in wanted]
        return np.isin(scalar.codes, codes)

    def counts(self, positions: np.ndarray, misses: dict, missed: np.ndarray) -> dict[str, dict[str, int]]:
        """Each value of each facet: how many of ``positions`` missing no other selected facet
        have it (values with none left out, as the statement leaves them out)."""
        counts = {}
        for name, scalar in self.scalars.items():
            codes = scalar.codes[positions[_counted(name, misses, missed)]]
            numbers = np.bincount(codes[codes >= 0], minlength=len(scalar.values))
            values = {
                str(scalar.values[code]): int(number)
                for code, number in enumerate(numbers)
                if number and scalar.values[code] not in (None, "")
            }
            if values:
                counts[name] = values
        for name, relation in self.relations.items():
            counted = np.zeros(len(self.ids), dtype=bool)
            counted[positions[_counted(name, misses, missed)]] = True
            terms, numbers = np.unique(relation.terms[counted[relation.rows]], return_counts=True)
            if len(terms):
                counts[name] = {
                    str(term): int(number) for term, number in zip(terms.tolist(), numbers.tolist(), strict=True)
                }
        return counts


def current(request) -> Tally | None:
    """The tally of the current content version: this process's, else the shared cache's,
    else read from the database (and kept in both); None while the worker renews what readers
    share after a change and has not built it yet (``fragments.left_to_worker``: the statement
    answers meanwhile, rather than each app server reading it at once)."""

    def shared():
        tally = fragments.current(request, KEY) if fragments.cacheable(request) else None
        if tally is None:
            if fragments.left_to_worker():
                return None
            tally = Tally.load()
            if fragments.cacheable(request):
                fragments.keep(request, KEY, tally)
        return tally

    return versioned.kept(KEY, fragments.content_version(request), shared)


def _counted(name: str, misses: dict, missed: np.ndarray) -> np.ndarray:
    """Which candidates count for facet ``name``: those missing no selected facet but this one."""
    return (missed - misses[name] if name in misses else missed) == 0


def _inverse(order: np.ndarray) -> np.ndarray:
    """``order`` lists positions in some order; the rank of each position in it."""
    rank = np.empty(len(order), dtype=INT)
    rank[order] = np.arange(len(order), dtype=INT)
    return rank


def _streamed():
    """A cursor whose rows the database sends as they are read (PostgreSQL: a server-side
    cursor), unless the settings disable those (a transaction-pooling proxy), as Django's
    ``QuerySet.iterator`` does."""
    if connection.settings_dict.get("DISABLE_SERVER_SIDE_CURSORS"):
        return connection.cursor()
    return connection.chunked_cursor()


def _chunks(cursor):
    while rows := cursor.fetchmany(CHUNK):
        yield rows


def _codes(column: tuple, known: dict) -> np.ndarray:
    """A column's values as codes (``known``: value -> code, completed with the values new here)."""
    for value in set(column) - known.keys():
        known[value] = len(known) - 1  # None is -1: the first value is 0
    return np.fromiter(map(known.__getitem__, column), dtype=INT, count=len(column))


def _joined(arrays: list) -> np.ndarray:
    return np.concatenate(arrays) if arrays else np.empty(0, dtype=INT)


def _ordinal(day) -> int:
    if day is None:
        return NO_DAY
    return (date.fromisoformat(day) if isinstance(day, str) else day).toordinal()


def _relation(relation: str, ids: np.ndarray) -> Relation:
    """The relation rows of live practices, as (position, term) arrays."""
    model, column = through(relation)
    quote = connection.ops.quote_name
    rows, terms = [], []
    with _streamed() as cursor:
        cursor.execute(f"SELECT practicepage_id, {quote(column)} FROM {quote(model._meta.db_table)}")  # noqa: S608
        for chunk in _chunks(cursor):
            pairs = np.array(chunk, dtype=INT)
            positions, live = _located(ids, pairs[:, 0])
            rows.append(positions[live].astype(INT))
            terms.append(pairs[live, 1])
    return Relation(rows=_joined(rows), terms=_joined(terms))


def _located(ids: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each of ``wanted`` is in ``ids`` (ascending), and whether it is there at all."""
    positions = np.searchsorted(ids, wanted)
    positions[positions == len(ids)] = 0
    held = ids[positions] == wanted if len(ids) else np.zeros(len(wanted), dtype=bool)
    return positions, held


def _lab_ids(keys) -> list[int]:
    """Every lab page (each language) of the labs chosen, by translation key."""
    return list(LabPage.objects.filter(translation_key__in=list(keys)).values_list("pk", flat=True))
