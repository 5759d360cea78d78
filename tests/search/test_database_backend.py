"""The Praxis database backend (SQLite FTS5 / PostgreSQL full text) through Wagtail's API
and through ``match()``; the index structures its queries rely on."""

import pytest
from django.core.exceptions import FieldError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from factories import PracticePageFactory
from modelsearch.backends import get_search_backend
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from practices.models import PracticePage
from search.backends.base import IdList
from search.services.backend import text_match


def test_the_configured_backend_is_the_praxis_subclass(db):
    backend = get_search_backend()
    expected = "PraxisPostgresSearchBackend" if connection.vendor == "postgresql" else "PraxisSQLiteSearchBackend"
    assert type(backend).__name__ == expected
    assert hasattr(backend, "match")


def test_wagtail_search_api_is_fast_path_and_correct(catalogue):
    c = catalogue
    results = PracticePage.objects.live().public().filter(locale=c.french).search("médiathèques")
    assert [page.title for page in results] == [c.library.title]
    assert results.count() == 1
    by_relevance = PracticePage.objects.live().filter(locale=c.french).search("santé").annotate_score("score")
    assert all(page.score > 0 for page in by_relevance)
    french = PracticePage.objects.live().public().filter(locale=c.french)
    facet = french.search("santé", order_by_relevance=False).facet("country")
    assert dict(facet) == {"FR": 1, "DK": 1}  # Leeds is in English


def test_id_lists_filter_pages_as_one_parameter(catalogue):
    ids = [catalogue.library.pk, catalogue.health.pk]
    queryset = Page.objects.filter(pk__among=IdList(ids))
    assert set(queryset.values_list("pk", flat=True)) == set(ids)
    assert not Page.objects.filter(pk__among=IdList([])).exists()
    sql, params = queryset.query.sql_with_params()
    # PostgreSQL estimates how many rows an array keeps (not a subquery of it).
    expected = "= ANY(" if connection.vendor == "postgresql" else "json_each"
    assert expected in sql
    assert len(params) == 1


def test_among_is_registered_on_the_page_primary_key_only(db):
    """``SearchConfig.ready`` registers it on the one field that uses it."""
    assert "among" in Page._meta.pk.get_lookups()
    for model_field in (PracticePage._meta.get_field("start_year"), PracticePage._meta.pk):
        assert "among" not in model_field.get_lookups()
    with pytest.raises(FieldError):
        PracticePage.objects.filter(start_year__among=IdList([2020]))


def test_autocomplete_prefix(catalogue):
    titles = [page.title for page in PracticePage.objects.live().public().autocomplete("médiat")]
    assert titles == [catalogue.library.title]


def test_title_matches_rank_above_body_matches(catalogue):
    match, degraded = text_match(PracticePage, ["urgences"])
    assert not degraded
    ranked = match.ranked(list(PracticePage.objects.values_list("pk", flat=True)), 0, None)
    assert ranked[0][0] == catalogue.hospital.pk
    scores = dict(ranked)
    assert [pk for pk, _score in ranked] == sorted(scores, key=lambda pk: -scores[pk])


def test_match_is_an_sql_filter_and_ranks_only_the_candidates(catalogue):
    c = catalogue
    match, _degraded = text_match(PracticePage, ["sante"])
    matching = set(PracticePage.objects.filter(pk__in=match.ids_filter()).values_list("pk", flat=True))
    assert {c.health.pk, c.hospital.pk, c.draft.pk} <= matching
    ranked = match.ranked([c.health.pk, c.library.pk], 0, None)
    assert [pk for pk, _score in ranked] == [c.health.pk]


def test_id_list_is_one_parameter(catalogue):
    ids = list(PracticePage.objects.values_list("pk", flat=True))
    assert PracticePage.objects.filter(pk__in=IdList(ids * 2000)).count() == len(ids)
    assert PracticePage.objects.filter(pk__in=IdList([])).count() == 0


def test_other_languages_are_matched_with_their_own_stemming(catalogue):
    # "family" finds "families" in the English original (plural, English stemming).
    match, _degraded = text_match(PracticePage, ["family"])
    matching = set(PracticePage.objects.filter(pk__in=match.ids_filter()).values_list("pk", flat=True))
    assert catalogue.leeds.pk in matching


def test_classification_labels_are_searchable_in_every_language(catalogue):
    match, _degraded = text_match(PracticePage, ["housing"])  # the English label of "Logement"
    matching = set(PracticePage.objects.filter(pk__in=match.ids_filter()).values_list("pk", flat=True))
    assert matching == {catalogue.renovation.pk}


sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite query plan")
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL text search")


@sqlite_only
def test_the_match_runs_once_and_never_per_row(catalogue):
    """One FTS5 MATCH (a subquery evaluated once), entries read through their narrow
    index: not one MATCH per candidate row as in stock modelsearch (":=M" in the plan
    is a MATCH constrained to one rowid, i.e. run per row), nor wide rows by rowid."""
    match, _degraded = text_match(PracticePage, ["sante"])
    sql, params = PracticePage.objects.filter(pk__in=match.ids_filter()).values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = [row[-1] for row in cursor.fetchall()]
    fts_steps = [step for step in plan if "VIRTUAL TABLE" in step and "json_each" not in step]
    assert len(fts_steps) == 1, plan
    assert ":=M" not in fts_steps[0]
    assert any("COVERING INDEX" in step and " e " in f" {step} " for step in plan), plan


@sqlite_only
def test_covering_index_for_facets_exists(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'search_practice_facets'")
        assert cursor.fetchall() == [("search_practice_facets",)]


@postgres_only
def test_language_configurations_fold_accents_and_stem(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname LIKE 'praxis_%%' ORDER BY cfgname")
        names = [row[0] for row in cursor.fetchall()]
        assert {"praxis_fr", "praxis_en", "praxis_simple"} <= set(names), names
        cursor.execute("SELECT to_tsvector('praxis_fr', 'Médiathèques') = to_tsvector('praxis_fr', 'mediatheque')")
        assert cursor.fetchone()[0]


@postgres_only
def test_the_match_can_use_the_gin_expression_index(db):
    match, _degraded = text_match(PracticePage, ["sante"])
    table = IndexEntry._meta.db_table
    sql = f"SELECT e.object_id FROM {table} e WHERE (e.title || e.body) @@ ({match.tsquery})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, match.tsquery_params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "praxis_indexentry_title_body_gin" in plan


@postgres_only
def test_the_match_finds_its_entries_by_their_words_not_their_type(db):
    """The statement the search runs to find the matching ids goes through the GIN index, not
    through the content type's index (every entry of the type read and matched: 8x slower)."""
    PracticePageFactory.create_batch(3, title="Santé de proximité")
    match, _degraded = text_match(PracticePage, ["sante"])
    with CaptureQueriesContext(connection) as captured:
        match.ids_filter()
    statement = next(query["sql"] for query in captured.captured_queries if "@@" in query["sql"])
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("ANALYZE " + IndexEntry._meta.db_table)
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + statement)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "praxis_indexentry_title_body_gin" in plan, plan
    assert "content_type_id_" not in plan, plan


def test_ranking_the_matches_found_agrees_with_ranking_any_candidates_and_pages_follow(catalogue):
    """The search's results (ids this match found) are ranked without matching them again:
    the same order and scores as candidates that must be matched, and page 2 follows page 1."""
    match, _degraded = text_match(PracticePage, ["sante"])
    found = list(PracticePage.objects.filter(pk__in=match.ids_filter()).values_list("pk", flat=True))
    assert len(found) >= 3
    everything = list(PracticePage.objects.values_list("pk", flat=True))
    assert set(everything) > set(found)  # some candidates do not match: they are matched again
    ranked = match.ranked(found, 0, None)
    assert ranked == match.ranked(everything, 0, None)
    assert {pk for pk, _score in ranked} == set(found)
    assert match.ranked(found, 0, 2) + match.ranked(found, 2, None) == ranked
    assert match.ranked(found, 1, 2) == ranked[1:2]
