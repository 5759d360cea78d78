"""Hostile and malformed input: always an answer (200 with results or an explained empty
result, or 400), never a 500, and never more work than an ordinary search: no more SQL
queries, and the search backend is only ever asked for a bounded list of plain words —
on SQLite and PostgreSQL."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.models import PracticePage
from search.backends.terms import MAX_QUERY_CHARS, MAX_TERMS, fold, search_terms
from search.services.backend import backend

MEGABYTE = "santé " * (1024 * 1024 // 7)
BAD_QUERIES = [
    '"unbalanced',
    'a "b" "c',
    "\x00",
    "santé\x00médiathèque",
    "   \t\n  ",
    MEGABYTE,
    " ".join(f"mot{n}" for n in range(320)),
    "' OR 1=1--",
    "'; DROP TABLE wagtailcore_page; --",
    "*:*",
    "title:x",
    "(((",
    ")))",
    "🙂🙃",
    "santé 🙂",
    "NEAR(santé médiathèque)",
    "AND OR NOT",
    "-santé",
    "santé*",
    "^santé$",
    "\\",
    "%_%",
    "<script>alert(1)</script>",
    "{title} : santé",
]
BAD_PARAMETERS = [
    {"foo": "bar"},
    {"policy_area": "does-not-exist"},
    {"policy_area": "../../etc/passwd"},
    {"policy_area": ["sante-hopitaux"] * 60},
    {"territory_type": "x" * 5000},
    {"country": "ZZ"},
    {"country": "france"},
    {"lab": "abc"},
    {"lab": "-1"},
    {"lab": "99999999999999999999999"},
    {"lab": "١٢"},  # Arabic-Indic digits
    {"stage": "nope"},
    {"evidence": ""},
    {"budget": "1e9"},
    {"competence": "COMMUNE"},
    {"year_from": "abc"},
    {"year_from": "99999"},
    {"year_to": "-5"},
    {"year_from": "2030", "year_to": "1990"},
    {"sort": "random"},
    {"sort": ["title", "newest"]},
    {"q": ["santé", "médiathèque"]},
    {"page": "0"},
    {"page": "-1"},
    {"page": "abc"},
    {"page": str(10**20)},
    {"page": "999"},
    {"page": ["1", "2"]},
    {"own_language": "maybe"},
]


ORDINARY = {"q": "santé"}  # what hostile input is compared with
# The same, asked first (nothing of their answers cached yet: a search asked again is answered
# from search.services.kept): words found, words not found, and no words at all (what input
# made only of control characters or symbols comes down to).
ORDINARY_UNCACHED = [{"q": "santé", "country": "FR"}, {"q": "médiathèque"}, {"lab": "0"}]


@pytest.fixture
def asked_terms(monkeypatch):
    """The terms of every text match the search backend was asked for."""
    asked = []
    backend_class = type(backend())
    match = backend_class.match

    def spy(search_backend, model, terms, **kwargs):
        asked.append(list(terms))
        return match(search_backend, model, terms, **kwargs)

    monkeypatch.setattr(backend_class, "match", spy)
    return asked


def assert_plain_words(terms):
    """At most ``MAX_TERMS`` folded words, no syntax, within ``MAX_QUERY_CHARS``."""
    assert len(terms) <= MAX_TERMS, terms
    assert sum(len(term) for term in terms) <= MAX_QUERY_CHARS, terms
    for term in terms:
        assert re.fullmatch(r"[^\W_]+", term) and term == fold(term), terms


@pytest.fixture
def answer(client, catalogue, asked_terms, django_assert_max_num_queries):
    """``answer(url, params)``: the response to ``url?params``, a 200 or a 400, in no more
    SQL queries than an ordinary search of the same URL (``response.sql_queries``), the
    backend asked only for plain words."""
    ordinary_queries = {}

    def get(url, params):
        if url not in ordinary_queries:
            client.get(url, ORDINARY)  # caches warmed (site root paths, vocabularies)
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url, ORDINARY).status_code == 200
            costs = [len(captured)]
            for ordinary in ORDINARY_UNCACHED:  # feeds keep answers per version: new ones too
                with CaptureQueriesContext(connection) as captured:
                    assert client.get(url, ordinary).status_code == 200
                costs.append(len(captured))
            ordinary_queries[url] = max(costs)
        asked_terms.clear()
        with django_assert_max_num_queries(ordinary_queries[url]) as captured:
            response = client.get(url, params)
        response.sql_queries = len(captured)
        assert response.status_code in (200, 400), params
        for terms in asked_terms:
            assert_plain_words(terms)
        return response

    return get


def test_hostile_queries_on_the_search_page(answer, subtests):
    for query in BAD_QUERIES:
        with subtests.test(query=query[:40]):
            response = answer("/fr/search/", {"q": query})
            if response.status_code == 200:
                content = response.content.decode()
                outcome = response.context["search"]
                assert outcome.total > 0 or "search-empty" in content
                assert "<script>alert(1)</script>" not in content


def test_many_words_are_cut_to_the_first_terms(answer, asked_terms):
    answer("/fr/search/", {"q": " ".join(f"mot{n}" for n in range(320))})
    assert asked_terms
    assert all(terms == [f"mot{n}" for n in range(MAX_TERMS)] for terms in asked_terms)


def test_a_query_with_only_symbols_is_explained(answer, asked_terms):
    response = answer("/en/search/", {"q": "🙂 (((  *:*"})
    assert "only signs or symbols" in " ".join(response.context["search"].notices)
    assert response.context["search"].total == 5
    assert asked_terms == []  # nothing to ask the backend


def test_a_megabyte_query_string_is_refused_before_any_work(answer, asked_terms):
    response = answer("/fr/search/", {"q": MEGABYTE})
    assert response.status_code == 400
    assert response.sql_queries == 0
    assert len(response.content) < 2_000  # not echoed back
    assert asked_terms == []


def test_malformed_parameters(answer, subtests):
    for params in BAD_PARAMETERS:
        with subtests.test(params=str(params)[:60]):
            assert answer("/fr/search/", params).status_code == 200


def test_unknown_values_are_reported_not_silently_dropped(answer):
    response = answer("/en/search/", {"policy_area": "does-not-exist", "lab": "abc"})
    notices = " ".join(response.context["search"].notices)
    assert "Policy area" in notices
    assert "Lab" in notices
    # Nothing was filtered on: every readable practice is listed (not the draft or the restricted one).
    assert response.context["search"].total == 5


def test_a_page_past_the_end_shows_the_last_page_and_says_so(answer):
    response = answer("/en/search/", {"page": str(10**20)})
    assert response.context["search"].page.number == 1
    assert "There is no page" in " ".join(response.context["search"].notices)
    first = answer("/en/search/", {})
    assert [item.title for item in response.context["search"].results] == [
        item.title for item in first.context["search"].results
    ]

    def counts(page):
        return [
            (group.name, value.value, value.count) for group in page.context["search"].facets for value in group.values
        ]

    assert counts(response) == counts(first)  # the facets still count the results


def test_hostile_input_everywhere_else(answer, subtests):
    for url in ("/fr/search/suggest/", "/fr/search/feed/rss/", "/fr/search/feed/atom/"):
        for query in [*BAD_QUERIES[:8], "' OR 1=1--", "🙂"]:
            with subtests.test(url=url, query=query[:30]):
                answer(url, {"q": query, "page": "abc", "lab": "x"})


def test_the_backends_themselves_survive_hostile_queries(catalogue, subtests, django_assert_max_num_queries):
    """Wagtail's own API (the admin search uses it) goes through the same sanitising: a
    hostile query finds what its plain words find, in no more queries than an ordinary one."""
    live = PracticePage.objects.live()

    def ask(query):
        results = live.search(query)
        found = [page.pk for page in results[:5]]
        return found, results.count(), [page.pk for page in live.autocomplete(query)[:5]]

    with CaptureQueriesContext(connection) as ordinary:
        ask(ORDINARY["q"])
    for query in BAD_QUERIES:
        with subtests.test(query=query[:40]):
            with django_assert_max_num_queries(len(ordinary)):
                answered = ask(query)
            assert answered == ask(" ".join(search_terms(query)))
