"""Words most practices have are counted from the practices without them
(``search.services.complement``): the counts of the same search browsed (kept) minus those of
the readable practices the words miss. The facet counts, the total and the results are those
the whole statement gives, for every filter, the reader's territories and each publication;
rare words and searches whose browsing is not kept are counted directly. The database backend
on SQLite matches in a subquery, whose size is not known: it always counts directly, and the
same tests check that it gives the same answers (SQLite and PostgreSQL, real HTTP requests)."""

import pytest
from django.db import connection
from django.test import Client
from factories.search_data import practice
from factories.territories import choose

from search.services import complement
from search.services.complement import subtracted

FACETS = ("country", "policy_area", "territory_type", "instrument", "lab", "stage", "evidence", "year")


def once() -> int:
    """How many searches are counted from the practices without their words, for one such
    search: one where the match is a list of ids (PostgreSQL), none where it is a subquery."""
    return 1 if connection.vendor == "postgresql" else 0


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
    """ "santé" is in the health practice, the draft and the restricted one: more than half as
    many as the readable practices. The draft and the restricted practice are never counted."""
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


def test_the_readers_territories_are_counted_from_their_own_browsing(client, territorial, settings, beside):
    """ "pratique" is in the three territorial practices (and the restricted one)."""
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
