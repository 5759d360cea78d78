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

    def _from(self) -> tuple[str, list]:
        fts, entries = SQLiteFTSIndexEntry._meta.db_table, IndexEntry._meta.db_table
        types = ", ".join(str(int(pk)) for pk in self.content_types) or "NULL"
        sql = (
            f"FROM {fts} CROSS JOIN {entries} AS e ON e.id = {fts}.rowid "  # noqa: S608 (table names and ints only)
            f"WHERE {fts} MATCH %s AND e.content_type_id IN ({types})"
        )
        return sql, [self.match]

    def ids_filter(self):
        sql, params = self._from()
        return RawSQL(f"SELECT CAST(e.object_id AS INTEGER) {sql}", params)  # noqa: S611 (user input only in params)

    def ranked(self, candidates, start, stop):
        fts = SQLiteFTSIndexEntry._meta.db_table
        sql, params = self._from()
        in_sql, in_params = candidates_sql(candidates, self.connection)
        limit = -1 if stop is None else max(stop - start, 0)
        query = (
            f"SELECT CAST(e.object_id AS INTEGER), bm25({fts}, {BM25_WEIGHTS}) AS score {sql} "
            f"AND CAST(e.object_id AS INTEGER) IN {in_sql} ORDER BY score, e.object_id LIMIT %s OFFSET %s"
        )
        with self.connection.cursor() as cursor:
            cursor.execute(query, [*params, *in_params, limit, start])
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
    query_compiler_class = PraxisSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = PraxisSQLiteAutocompleteQueryCompiler
    results_class = PraxisSQLiteSearchResults

    def match(self, model, terms: list[str], *, autocomplete=False, operator="and") -> SQLiteTextMatch:
        return SQLiteTextMatch(model, terms, autocomplete=autocomplete, operator=operator)


SearchBackend = PraxisSQLiteSearchBackend
