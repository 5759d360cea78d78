"""Once a search without words has kept the ids of the practices the reader may find
(``search.services.found``), a search with words intersects them with its match, and a search
with or without words is counted in memory (``search.services.tally``) where the match is a
list of ids (PostgreSQL). Every answer (facet counts, total, results in order) is the one given
with nothing kept, for every filter and order, each language and language choice, each
publication and restriction; the reader's territories are answered by the statement. The
database backend on SQLite matches in a subquery: it never uses the ids, and the same tests
check that it gives the same answers (SQLite and PostgreSQL, real HTTP requests)."""

import pytest
from django.db import connection
from django.test import Client
from factories.search_data import practice
from factories.territories import choose
from wagtail.models import PageViewRestriction

from search.services import engine, tally

FACETS = ("country", "policy_area", "territory_type", "instrument", "lab", "stage", "evidence", "year")


def in_memory() -> bool:
    """Whether searches are counted in memory once the readable ids are kept: where the match
    is a list of ids (PostgreSQL), not where it is a subquery (SQLite)."""
    return connection.vendor == "postgresql"


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
def tallied(monkeypatch):
    """One entry per search answered in memory (``Tally.facts``)."""
    calls = []
    real = tally.Tally.facts

    def spy(self, ids, *args, **kwargs):
        calls.append(len(ids))
        return real(self, ids, *args, **kwargs)

    monkeypatch.setattr(tally.Tally, "facts", spy)
    return calls


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
def test_a_common_word_with_filters_answers_as_with_nothing_kept(client, catalogue, settings, tallied, filters):
    """The word is in three of the five practices a French reader may find (their policy
    area), and in the draft and the restricted practice, never counted."""
    params = {**filters, "q": "santé"}
    expected = directly(client, settings, params)
    assert tallied == []
    shown(client, {})  # browsed: the readable ids are kept (the worker asks for the page without parameters)
    assert shown(client, params) == expected
    assert len(tallied) == (2 if in_memory() else 0)  # the browse, the search
    assert catalogue.draft.pk not in expected[2] and catalogue.restricted.pk not in expected[2]


def test_a_chosen_value_leaves_the_other_values_of_its_facet_counted_as_if_chosen_instead(
    client, catalogue, settings, tallied
):
    params = {"q": "santé", "policy_area": "sante-hopitaux", "country": "FR"}
    expected = directly(client, settings, params)
    shown(client, {})
    counts, total, results = shown(client, params)
    assert (counts, total, results) == expected
    assert counts["country"]["FR"] == total == 1
    assert counts["policy_area"]["sante-hopitaux"] == 1
    assert len(tallied) == (2 if in_memory() else 0)


@pytest.mark.parametrize(
    "filters",
    [
        {"territory_type": "rural"},
        {"lab": "LAB"},
        {"instrument": ["subvention", "appel-a-projets"], "year_from": "2015"},
        {"policy_area": "logement", "sort": "verified"},
    ],
)
def test_filters_never_browsed_are_counted_in_memory_as_with_nothing_kept(
    client, catalogue, settings, tallied, filters
):
    if filters.get("lab") == "LAB":
        filters = {"lab": str(catalogue.gironde.pk)}
    expected = directly(client, settings, filters)
    shown(client, {})
    assert shown(client, filters) == expected and expected[1]
    assert len(tallied) == (2 if in_memory() else 0)


def test_a_publication_after_the_browse_is_counted_at_once(client, catalogue, settings, tallied):
    shown(client, {})
    before = shown(client, {"q": "santé"})
    new = practice(catalogue.gironde, "Centre de santé itinérant", "Un bus de santé.", areas=["sante-hopitaux"])
    after = shown(client, {"q": "santé"})
    assert after[1] == before[1] + 1 and new.pk in after[2]
    assert after == directly(client, settings, {"q": "santé"})


def test_each_language_is_counted_from_its_own_readable_ids(client, catalogue, settings, from_ids):
    expected = directly(client, settings, {"q": "santé"}, language="en")
    shown(client, {}, language="fr")
    assert shown(client, {"q": "santé"}, language="en") == expected
    assert from_ids[-1] is False  # the French reader's ids are not the English reader's
    shown(client, {}, language="en")
    assert shown(client, {"q": "santé"}, language="en") == expected
    assert from_ids[-1] is in_memory()


@pytest.mark.parametrize("params", [{"q": "pratique", "like": "mine"}, {"q": "pratique", "sort": "closest"}])
def test_the_readers_territories_are_answered_by_the_statement(
    client, catalogue, territorial, settings, tallied, params
):
    """The word is in the three territorial practices, three more, and the restricted one:
    six of the eleven practices a French reader may find."""
    for number in range(3):
        practice(catalogue.mindlab, f"Autre pratique {number}", "Une pratique de plus.")
    choose(client, "42218")  # Saint-Étienne
    expected = directly(client, settings, params)
    other = Client()
    choose(other, "63195")  # Lezoux
    other_expected = directly(other, settings, params)
    assert territorial["lezoux"].pk in other_expected[2]
    assert expected[2] and expected[2] != other_expected[2]  # like theirs: other practices; closest: another order
    shown(other, {})
    tallied.clear()
    assert shown(client, params) == expected
    assert shown(other, params) == other_expected
    assert tallied == []


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
