"""The Praxis database backend (SQLite FTS5 / PostgreSQL full text) through Wagtail's API
and through ``match()``; the index structures its queries rely on."""

import pytest
from django.db import connection
from django.test import TestCase
from factories.search_data import build_catalogue
from modelsearch.backends import get_search_backend

from practices.models import PracticePage
from search.backends.base import IdList
from search.services.backend import text_match


class DatabaseBackendTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.c = build_catalogue()

    def test_the_configured_backend_is_the_praxis_subclass(self):
        backend = get_search_backend()
        expected = "PraxisPostgresSearchBackend" if connection.vendor == "postgresql" else "PraxisSQLiteSearchBackend"
        self.assertEqual(type(backend).__name__, expected)
        self.assertTrue(hasattr(backend, "match"))

    def test_wagtail_search_api_is_fast_path_and_correct(self):
        results = PracticePage.objects.live().public().filter(locale=self.c.french).search("médiathèques")
        self.assertEqual([page.title for page in results], [self.c.library.title])
        self.assertEqual(results.count(), 1)
        by_relevance = PracticePage.objects.live().filter(locale=self.c.french).search("santé").annotate_score("score")
        self.assertTrue(all(page.score > 0 for page in by_relevance))
        french = PracticePage.objects.live().public().filter(locale=self.c.french)
        facet = french.search("santé", order_by_relevance=False).facet("country")
        self.assertEqual(dict(facet), {"FR": 1, "DK": 1})  # Leeds is in English

    def test_id_lists_filter_as_one_parameter(self):
        ids = [self.c.library.pk, self.c.health.pk]
        queryset = PracticePage.objects.filter(pk__among=IdList(ids))
        self.assertEqual(set(queryset.values_list("pk", flat=True)), set(ids))
        self.assertFalse(PracticePage.objects.filter(pk__among=IdList([])).exists())
        sql, params = queryset.query.sql_with_params()
        # PostgreSQL estimates how many rows an array keeps (not a subquery of it).
        expected = "= ANY(" if connection.vendor == "postgresql" else "json_each"
        self.assertIn(expected, sql)
        self.assertEqual(len(params), 1)

    def test_autocomplete_prefix(self):
        titles = [page.title for page in PracticePage.objects.live().public().autocomplete("médiat")]
        self.assertEqual(titles, [self.c.library.title])

    def test_title_matches_rank_above_body_matches(self):
        match, degraded = text_match(PracticePage, ["urgences"])
        self.assertFalse(degraded)
        ranked = match.ranked(list(PracticePage.objects.values_list("pk", flat=True)), 0, None)
        self.assertEqual(ranked[0][0], self.c.hospital.pk)
        self.assertEqual(
            [pk for pk, _score in ranked], sorted((pk for pk, _ in ranked), key=lambda pk: -dict(ranked)[pk])
        )

    def test_match_is_an_sql_filter_and_ranks_only_the_candidates(self):
        match, _degraded = text_match(PracticePage, ["sante"])
        matching = set(PracticePage.objects.filter(pk__in=match.ids_filter()).values_list("pk", flat=True))
        self.assertTrue({self.c.health.pk, self.c.hospital.pk, self.c.draft.pk} <= matching)
        ranked = match.ranked([self.c.health.pk, self.c.library.pk], 0, None)
        self.assertEqual([pk for pk, _score in ranked], [self.c.health.pk])

    def test_id_list_is_one_parameter(self):
        ids = list(PracticePage.objects.values_list("pk", flat=True))
        self.assertEqual(PracticePage.objects.filter(pk__in=IdList(ids * 2000)).count(), len(ids))
        self.assertEqual(PracticePage.objects.filter(pk__in=IdList([])).count(), 0)

    def test_other_languages_are_matched_with_their_own_stemming(self):
        # "family" finds "families" in the English original (plural, English stemming).
        match, _degraded = text_match(PracticePage, ["family"])
        matching = set(PracticePage.objects.filter(pk__in=match.ids_filter()).values_list("pk", flat=True))
        self.assertIn(self.c.leeds.pk, matching)

    def test_classification_labels_are_searchable_in_every_language(self):
        match, _degraded = text_match(PracticePage, ["housing"])  # the English label of "Logement"
        matching = set(PracticePage.objects.filter(pk__in=match.ids_filter()).values_list("pk", flat=True))
        self.assertEqual(matching, {self.c.renovation.pk})


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite query plan")
class SQLitePlanTests(TestCase):
    def test_the_match_runs_once_and_never_per_row(self):
        """One FTS5 MATCH (a subquery evaluated once), entries read through their narrow
        index: not one MATCH per candidate row as in stock modelsearch (":=M" in the plan
        is a MATCH constrained to one rowid, i.e. run per row), nor wide rows by rowid."""
        match, _degraded = text_match(PracticePage, ["sante"])
        sql, params = PracticePage.objects.filter(pk__in=match.ids_filter()).values("pk").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = [row[-1] for row in cursor.fetchall()]
        fts_steps = [step for step in plan if "VIRTUAL TABLE" in step and "json_each" not in step]
        self.assertEqual(len(fts_steps), 1, plan)
        self.assertNotIn(":=M", fts_steps[0])
        self.assertTrue(any("COVERING INDEX" in step and " e " in f" {step} " for step in plan), plan)

    def test_covering_index_for_facets_exists(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'search_practice_facets'")
            self.assertEqual(cursor.fetchall(), [("search_practice_facets",)])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL text search configurations")
class PostgresStructureTests(TestCase):
    def test_language_configurations_fold_accents_and_stem(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname LIKE 'praxis_%%' ORDER BY cfgname")
            names = [row[0] for row in cursor.fetchall()]
            self.assertTrue({"praxis_fr", "praxis_en", "praxis_simple"} <= set(names), names)
            cursor.execute("SELECT to_tsvector('praxis_fr', 'Médiathèques') = to_tsvector('praxis_fr', 'mediatheque')")
            self.assertTrue(cursor.fetchone()[0])

    def test_the_match_can_use_the_gin_expression_index(self):
        from wagtail.search.models import IndexEntry

        match, _degraded = text_match(PracticePage, ["sante"])
        table = IndexEntry._meta.db_table
        sql = f"SELECT e.object_id FROM {table} e WHERE (e.title || e.body) @@ ({match.tsquery})"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql, match.tsquery_params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        self.assertIn("praxis_indexentry_title_body_gin", plan)
