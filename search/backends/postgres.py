"""Wagtail's PostgreSQL full-text backend, per-language and index-friendly.

- Each page is indexed with the text search configuration of its language
  (``praxis_fr`` = French stemming + unaccent, ``praxis_en``...; created by the
  ``search`` migrations), and queries OR the configurations of the enabled languages.
- Matching filters on ``title || body``, which the ``search`` migrations index with a
  GIN expression index (stock modelsearch only has per-column indexes, so every
  query was a sequential scan).
- Ranking is computed once per matching entry, intersected with the candidates,
  ordered and sliced in SQL; the search's results, all found by the match, are ranked by
  the scores the match read with their ids (``PostgresTextMatch.ranked``). The vectors
  are kept in the entries' rows (migration ``search.0007``).
"""

import heapq

from django.conf import settings
from django.db import connections, router, transaction
from django.db.models import QuerySet
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.utils import get_descendants_content_types_pks

from search.backends.base import IdList, TextMatch, candidates_sql
from search.backends.compilers import FastResultsMixin, plain_terms
from search.backends.pg_index import write_entries
from search.backends.terms import tsquery_expression

# Language code -> PostgreSQL's built-in configuration the praxis_<code> one copies.
LANGUAGE_CONFIGS = {
    "fr": "french",
    "en": "english",
    "de": "german",
    "es": "spanish",
    "it": "italian",
    "da": "danish",
    "nl": "dutch",
}
SIMPLE_CONFIG = "praxis_simple"  # unaccent, no stemming: autocomplete and other languages
TITLE_WEIGHT = 2.0


def config_for(language_code: str | None) -> str:
    code = (language_code or "").split("-")[0]
    return f"praxis_{code}" if code in LANGUAGE_CONFIGS else SIMPLE_CONFIG


def query_configs() -> list[str]:
    return sorted({config_for(code) for code, _name in settings.LANGUAGES})


class PostgresTextMatch(TextMatch):
    def __init__(self, model, terms: list[str], *, autocomplete=False, operator="and"):
        self.content_types = list(get_descendants_content_types_pks(model))
        self.autocomplete = autocomplete
        expression = tsquery_expression(terms, prefix_last=autocomplete, operator=operator)
        configs = [SIMPLE_CONFIG] if autocomplete else query_configs()
        self.tsquery = " || ".join(["to_tsquery(%s::regconfig, %s)"] * len(configs))
        self.tsquery_params = [value for config in configs for value in (config, expression)]
        self.connection = connections[router.db_for_read(IndexEntry)]
        self._ids = None  # an IdList, once fetched
        self._scores = None  # object id -> score, once fetched

    def _where(self, *, by_words: bool = False) -> tuple[str, list]:
        """``by_words``: the entries are found by their words (the GIN index), not by their
        content type (``content_type_id + 0`` cannot use its index)."""
        types = ", ".join(str(int(pk)) for pk in self.content_types) or "NULL"
        vector = "e.autocomplete" if self.autocomplete else "(e.title || e.body)"
        content_type = "e.content_type_id + 0" if by_words and not self.autocomplete else "e.content_type_id"
        # The expression must read exactly "(title || body)" to use the GIN expression index.
        sql = f"{content_type} IN ({types}) AND {vector} @@ ({self.tsquery})"
        return sql, list(self.tsquery_params)

    def ids_filter(self):
        """The matching object ids, fetched once through the GIN index, each with its score
        (computed while the entry is read anyway: the statement takes the same time, and the
        search's results need not be read again to be ranked, see ``ranked``).

        For a word found in most documents the planner prefers a sequential scan, which
        reads (and decompresses) every document's vectors: 10x slower than the bitmap
        index scan, whose cost it underestimates. So this one statement runs with
        sequential scans discouraged (``SET LOCAL``, restored right after), and the content
        type is written so that its index is not chosen either: through it, every entry of
        the type was read and its vectors joined and matched, 84 ms instead of 10 at 10,000
        practices for a word in most of them (1,078 ms instead of 213 at 100,000).
        """
        if self._ids is None:
            where, params = self._where(by_words=True)
            sql = f"SELECT e.object_id::bigint, {self._rank()} FROM {IndexEntry._meta.db_table} e WHERE {where}"  # noqa: S608
            with transaction.atomic(using=self.connection.alias), self.connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")
                cursor.execute(sql, [*self._rank_params(), *params])
                self._scores = dict(cursor.fetchall())
                cursor.execute("SET LOCAL enable_seqscan = on")
            self._ids = IdList(self._scores)
        return self._ids

    def ranked(self, candidates, start, stop):
        """``(pk, score)`` of the matching ``candidates``, best first, sliced.

        Candidates all found by this match (the search's results: ``ids_filter`` narrowed
        by the SQL filters) are ranked by the scores the match read, without another
        statement. Measured at 100,000 practices for "projet" (99,895 results,
        ``tests/bench/search_fresh_bench.py``): matching them again took 1,655 ms; reading
        their entries again through one hashed array, about 170 ms (the vectors kept in the
        rows by migration ``0007``); picking the best of the scores already read, about 15 ms. Other
        candidates are matched and ranked in one statement."""
        if self._scores is not None and not isinstance(candidates, QuerySet):
            candidates = list(candidates)
            try:  # (score, pk) pairs compare as the statement orders them: descending, both
                pairs = list(zip(map(self._scores.__getitem__, candidates), candidates, strict=True))
            except KeyError:  # a candidate the match did not find
                pairs = None
            if pairs is not None:
                best = sorted(pairs, reverse=True) if stop is None else heapq.nlargest(stop, pairs)
                return [(pk, score) for score, pk in best[start:stop]]
        where, params = self._where()
        in_sql, in_params = candidates_sql(candidates, self.connection, as_text=True)
        query = (
            f"SELECT e.object_id::bigint AS pk, {self._rank()} AS score FROM {IndexEntry._meta.db_table} e "  # noqa: S608
            f"WHERE {where} AND e.object_id IN {in_sql} "  # as text: the (content type, object id) index finds them
            "ORDER BY score DESC, pk DESC LIMIT %s OFFSET %s"
        )
        return self._fetch(query, [*self._rank_params(), *params, *in_params], start, stop)

    def _rank(self) -> str:
        if self.autocomplete:
            return f"ts_rank(e.autocomplete, ({self.tsquery}))"
        return f"ts_rank(e.title, ({self.tsquery})) * e.title_norm * {TITLE_WEIGHT} + ts_rank(e.body, ({self.tsquery}))"

    def _rank_params(self) -> list:
        return list(self.tsquery_params) * (1 if self.autocomplete else 2)

    def _fetch(self, query, params, start, stop):
        with self.connection.cursor() as cursor:
            cursor.execute(query, [*params, stop if stop is None else stop - start, start])
            return [(pk, float(score)) for pk, score in cursor.fetchall()]


class PraxisPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    autocomplete = False

    def text_match(self):
        terms = plain_terms(self.query, self.fields)
        if terms is None:
            return None
        return PostgresTextMatch(self.queryset.model, terms, autocomplete=self.autocomplete) if terms else False


class PraxisPostgresAutocompleteQueryCompiler(PostgresAutocompleteQueryCompiler, PraxisPostgresSearchQueryCompiler):
    autocomplete = True


class PraxisPostgresSearchResults(FastResultsMixin, PostgresSearchResults):
    pass


class PraxisPostgresIndex(PostgresIndex):
    """Indexes each object with the configuration of its language, in bulk
    (``search.backends.pg_index``)."""

    def add_items(self, model, objs):
        from wagtail.models import Locale  # reason: the backend module is loaded before the apps

        languages = dict(Locale.objects.values_list("pk", "language_code"))

        def config_of(obj):
            locale_id = getattr(obj, "locale_id", None)
            return config_for(languages[locale_id]) if locale_id in languages else self.backend.config

        write_entries(self, model, list(objs), config_of)


class PraxisPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = PraxisPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = PraxisPostgresAutocompleteQueryCompiler
    results_class = PraxisPostgresSearchResults
    index_class = PraxisPostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG") or config_for(settings.LANGUAGE_CODE)
        self.autocomplete_config = SIMPLE_CONFIG

    def match(self, model, terms: list[str], *, autocomplete=False, operator="and", within=None) -> PostgresTextMatch:
        # ``within`` (a filter of the search, see search.backends.base): the match is a
        # subquery of the same statement as the SQL filters, which apply it already.
        return PostgresTextMatch(model, terms, autocomplete=autocomplete, operator=operator)


SearchBackend = PraxisPostgresSearchBackend
