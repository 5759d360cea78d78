"""A search with words, once a search without words has kept the ids of the practices the
reader may find (``search.services.found``), intersects them with its match; words most
practices have are then counted from the practices without them (``search.services.complement``):
the counts of the same search browsed (kept) minus those of the readable practices the words
miss. Every answer (facet counts, total, results in order) is the one given with nothing kept,
for every filter and order, the reader's territories, language and language choice, each
publication and restriction; rare words and searches whose browsing is not kept are counted
directly. The database backend on SQLite matches in a subquery: it never uses the ids, and
the same tests check that it gives the same answers (SQLite and PostgreSQL, real HTTP
requests)."""

import pytest
from django.db import connection
from django.test import Client
from factories.search_data import practice
from factories.territories import choose
from wagtail.models import PageViewRestriction

from search.services import complement, engine
from search.services.complement import subtracted

FACETS = ("country", "policy_area", "territory_type", "instrument", "lab", "stage", "evidence", "year")


def once() -> int:
    """How many searches are counted from the practices without their words, for one such
    search: one where the match is a list of ids (PostgreSQL), none where it is a subquery."""
    return 1 if connection.vendor == "postgresql" else 0


@pytest.fixture
def from_ids(monkeypatch):
    """For each search, whether its scope came from the readable ids kept."""
    answers = []
    real = engine.practice_scope

    def spy(*args, **kwargs):
        scope = real(*args, **kwargs)
        answers.append(scope.hits is not None)
        return scope

    monkeypatch.setattr(engine, "practice_scope", spy)
    return answers


@pytest.fixture
def beside(monkeypatch):
    """The scopes ``complement`` counted (one per search counted from the practices without its words)."""
    scopes = []
    real = complement.search_facts

    def spy(scope, *args, **kwargs):
        scopes.append(scope)
        return real(scope, *args, **kwargs)

    monkeypatch.setattr(complement, "search_facts", spy)
    return scopes


def shown(client, params, language="fr"):
    """What the search page shows: every facet's counts, the total, the results in order."""
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    search = response.context["search"]
    counts = {}
    for group in search.facets:
        if group.name in FACETS:
            counts[group.name] = {value.value: value.count for value in [*group.values, *group.more]}
    return counts, search.total, [result.pk for result in search.results]


def directly(client, settings, params, language="fr"):
    """The same search with nothing kept: the whole statement counts it."""
    seconds = settings.PRAXIS_FRAGMENT_CACHE_SECONDS
    settings.PRAXIS_FRAGMENT_CACHE_SECONDS = 0
    try:
        return shown(client, params, language)
    finally:
        settings.PRAXIS_FRAGMENT_CACHE_SECONDS = seconds


FILTERS = [
    {},
    {"policy_area": "sante-hopitaux"},
    {"territory_type": "urbain", "sort": "title"},
    {"country": ["FR", "DK"], "stage": "evaluated", "sort": "newest"},
    {"verified": "recent", "year_from": "2015"},
]


@pytest.mark.parametrize("filters", FILTERS)
def test_a_common_word_is_counted_from_the_practices_without_it(client, catalogue, settings, beside, filters):
    """The word is in three of the five practices a French reader may find (their policy
    area), and in the draft and the restricted practice, never counted."""
    params = {**filters, "q": "santé"}
    expected = directly(client, settings, params)
    assert beside == []
    shown(client, filters)  # browsed: its counts are kept (the worker asks for the page without parameters)
    assert shown(client, params) == expected
    assert len(beside) == once()
    assert catalogue.draft.pk not in expected[2] and catalogue.restricted.pk not in expected[2]


def test_the_counts_subtracted_are_the_whole_statements_for_every_value(client, catalogue, settings, beside):
    """A facet with a value chosen counts its other values as if chosen instead (the
    practices missing only that facet), subtracted the same way."""
    params = {"q": "santé", "policy_area": "sante-hopitaux", "country": "FR"}
    expected = directly(client, settings, params)
    shown(client, {"policy_area": "sante-hopitaux", "country": "FR"})
    counts, total, results = shown(client, params)
    assert len(beside) == once() and (counts, total, results) == expected
    assert counts["country"]["FR"] == total == 1
    assert counts["policy_area"]["sante-hopitaux"] == 1


def test_a_rare_word_or_a_search_never_browsed_is_counted_directly(client, catalogue, settings, beside):
    shown(client, {})
    expected = directly(client, settings, {"q": "médiathèque"})
    assert shown(client, {"q": "médiathèque"}) == expected  # one practice of five: fewer with the word
    assert shown(client, {"q": "santé", "policy_area": "logement"})[1] == 0  # "logement" never browsed
    assert beside == []


def test_a_publication_makes_the_browsed_counts_unusable(client, catalogue, settings, beside):
    shown(client, {})
    before = shown(client, {"q": "santé"})
    assert len(beside) == once()
    new = practice(catalogue.gironde, "Centre de santé itinérant", "Un bus de santé.", areas=["sante-hopitaux"])
    after = shown(client, {"q": "santé"})
    assert len(beside) == once()  # the counts without the word were of the older version
    assert after[1] == before[1] + 1 and new.pk in after[2]
    assert after == directly(client, settings, {"q": "santé"})


def test_another_languages_browsing_is_not_used(client, catalogue, settings, beside):
    expected = directly(client, settings, {"q": "santé"}, language="en")
    shown(client, {}, language="fr")
    assert shown(client, {"q": "santé"}, language="en") == expected
    assert beside == []


def test_each_language_is_counted_from_its_own_browsing(client, catalogue, settings, beside):
    expected = directly(client, settings, {"q": "santé"}, language="en")
    shown(client, {}, language="en")
    assert shown(client, {"q": "santé"}, language="en") == expected
    assert len(beside) == once()


def test_the_readers_territories_are_counted_from_their_own_browsing(client, catalogue, territorial, settings, beside):
    """The word is in the three territorial practices, three more, and the restricted one:
    six of the eleven practices a French reader may find."""
    for number in range(3):
        practice(catalogue.mindlab, f"Autre pratique {number}", "Une pratique de plus.")
    params = {"q": "pratique", "like": "mine"}
    choose(client, "42218")  # Saint-Étienne
    expected = directly(client, settings, params)
    assert expected[2] and territorial["lezoux"].pk not in expected[2]
    other = Client()
    choose(other, "63195")  # Lezoux
    other_expected = directly(other, settings, params)
    assert territorial["lezoux"].pk in other_expected[2]
    shown(other, {"like": "mine"})
    assert shown(client, params) == expected  # not from Lezoux's browsing
    assert beside == []
    assert shown(other, params) == other_expected
    assert len(beside) == once()


def test_subtracting_leaves_out_the_values_left_with_no_practice():
    whole = ({"country": {"FR": 3, "DK": 1}, "stage": {"evaluated": 1}}, 4)
    part = ({"country": {"DK": 1, "FR": 1}, "stage": {"evaluated": 1}}, 2)
    assert subtracted(whole, part) == ({"country": {"FR": 2}}, 2)


SEARCHES = [
    {"q": "santé"},
    {"q": "santé", "sort": "title"},
    {"q": "santé", "sort": "newest", "page": "2"},
    {"q": "santé", "policy_area": "sante-hopitaux", "sort": "relevance"},
    {"q": "santé", "country": ["FR", "DK"], "page": "2"},
    {"q": "rénovation logements"},
    {"q": "département", "sort": "verified"},
    {"q": "département", "territory_type": "urbain", "year_to": "2020"},
]


@pytest.mark.parametrize("params", SEARCHES)
def test_a_search_after_a_browse_answers_as_with_nothing_kept(
    client, catalogue, settings, monkeypatch, from_ids, params
):
    monkeypatch.setattr(engine, "PER_PAGE", 2)
    expected = directly(client, settings, params)
    assert from_ids == [False]
    shown(client, {"sort": "title"})  # any browsing keeps the readable ids
    assert shown(client, params) == expected
    assert from_ids[-1] is (connection.vendor == "postgresql")


@pytest.mark.parametrize("language, own", [("fr", False), ("en", False), ("en", True)])
def test_the_readable_ids_are_each_languages_and_language_choices(catalogue, settings, language, own):
    """Readers of each language and language choice (a cookie) browse; each search is
    answered from its own reader's readable ids."""
    readers = {(code, choice): Client() for code in ("fr", "en") for choice in (False, True)}
    for (code, choice), reader in readers.items():
        shown(reader, {"own_language": "1" if choice else "0"}, language=code)
    reader, other = readers[(language, own)], Client()
    expected = directly(other, settings, {"q": "santé", "own_language": "1" if own else "0"}, language=language)
    assert shown(reader, {"q": "santé"}, language=language) == expected


@pytest.mark.parametrize("change", ["unpublish", "restrict"])
def test_a_practice_leaving_after_the_browse_is_never_found(client, catalogue, settings, from_ids, change):
    shown(client, {})
    if change == "unpublish":
        catalogue.health.unpublish()
    else:
        PageViewRestriction.objects.create(page=catalogue.health, restriction_type="password", password="x")  # noqa: S106
    counts, total, results = shown(client, {"q": "santé"})
    assert catalogue.health.pk not in results
    assert (counts, total, results) == directly(client, settings, {"q": "santé"})
    assert from_ids[-2] is False  # the readable ids were of the older version
