"""Wagtail's SQLite FTS5 backend, with queries that let FTS5 do the work.

Stock modelsearch 1.3 ranks with a correlated subquery that re-runs ``MATCH`` and
``bm25()`` for every candidate page (16 s for a broad query over 5,000 pages). Here
the FTS5 table drives: one ``MATCH`` joined to the index entries by rowid, ``bm25()``
computed once per matching row, intersected with the candidates, ordered and sliced
in SQL. Terms are sanitised and stemmed (see ``search.backends.terms``), so no input
can reach FTS5 as syntax, and plurals match singulars.
"""

from django.db import connections, router
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.utils import get_descendants_content_types_pks

from search.backends.base import TextMatch, candidates_sql
from search.backends.compilers import FastResultsMixin, plain_terms
from search.backends.terms import fts5_expression

# bm25() weights follow the FTS5 table's columns: (autocomplete, body, title).
BM25_WEIGHTS = "0.0, 1.0, 2.0"


class SQLiteTextMatch(TextMatch):
    def __init__(self, model, terms: list[str], *, autocomplete=False, operator="and"):
        self.content_types = list(get_descendants_content_types_pks(model))
        columns = "{autocomplete title}" if autocomplete else "{title body}"
        expression = fts5_expression(terms, prefix_last=autocomplete, stem=not autocomplete, operator=operator)
        self.match = f"{columns} : ({expression})"
        self.connection = connections[router.db_for_read(IndexEntry)]

    def _types(self) -> str:
        return ", ".join(str(int(pk)) for pk in self.content_types) or "NULL"

    def ids_filter(self):
        """Object ids of the matching entries. The entries are read through their narrow
        (content type, object id) index: ``+e.id`` keeps SQLite from fetching each wide
        entry row (whole bodies of text) by rowid."""
        fts, entries = SQLiteFTSIndexEntry._meta.db_table, IndexEntry._meta.db_table
        sql = (
            f"SELECT CAST(e.object_id AS INTEGER) FROM {entries} e "  # noqa: S608 (table names and ints only)
            f"WHERE e.content_type_id IN ({self._types()}) AND +e.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s)"
        )
        return RawSQL(sql, [self.match])  # noqa: S611 (user input only in params)

    def ranked(self, candidates, start, stop):
        """bm25() only for the candidates' entries, found through the narrow index."""
        fts, entries = SQLiteFTSIndexEntry._meta.db_table, IndexEntry._meta.db_table
        in_sql, in_params = candidates_sql(candidates, self.connection, as_text=True)
        limit = -1 if stop is None else max(stop - start, 0)
        query = (
            f"WITH c AS MATERIALIZED (SELECT e.id, e.object_id FROM {entries} e "  # noqa: S608
            f"WHERE e.content_type_id IN ({self._types()}) AND e.object_id IN {in_sql}) "
            f"SELECT CAST(c.object_id AS INTEGER) AS pk, bm25({fts}, {BM25_WEIGHTS}) AS score "
            f"FROM {fts} CROSS JOIN c ON c.id = {fts}.rowid WHERE {fts} MATCH %s "
            "ORDER BY score, pk LIMIT %s OFFSET %s"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(query, [*in_params, self.match, limit, start])
            # bm25() is negative, lower is better: report higher-is-better scores.
            return [(pk, -score) for pk, score in cursor.fetchall()]


class PraxisSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    autocomplete = False

    def text_match(self):
        terms = plain_terms(self.query, self.fields)
        if terms is None:
            return None
        return SQLiteTextMatch(self.queryset.model, terms, autocomplete=self.autocomplete) if terms else False


class PraxisSQLiteAutocompleteQueryCompiler(SQLiteAutocompleteQueryCompiler, PraxisSQLiteSearchQueryCompiler):
    autocomplete = True


class PraxisSQLiteSearchResults(FastResultsMixin, SQLiteSearchResults):
    pass


class PraxisSQLiteSearchBackend(SQLiteSearchBackend):
    matches_are_lists = False  # a subquery: ``search.services.found``
    query_compiler_class = PraxisSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = PraxisSQLiteAutocompleteQueryCompiler
    results_class = PraxisSQLiteSearchResults

    def match(self, model, terms: list[str], *, autocomplete=False, operator="and", within=None) -> SQLiteTextMatch:
        # ``within`` (a filter of the search, see search.backends.base): the match is a
        # subquery of the same statement as the SQL filters, which apply it already.
        return SQLiteTextMatch(model, terms, autocomplete=autocomplete, operator=operator)


SearchBackend = PraxisSQLiteSearchBackend
