"""A search's answer is kept until published content changes (``search.services.kept``): its
facet counts, and each page of result ids with the labs of page 1. Paging or sorting does not
count again; asking again runs no text match and no statement over the catalogue; a
publication, an unpublication, a restriction is seen at once; what an answer depends on (the
text, the filters, the language, the reader's language choice and territory, the order and the
page) is never mixed up; a degraded answer is never kept (SQLite and PostgreSQL, real HTTP
requests)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from factories import PracticeIndexPageFactory
from factories.search_data import TYPICAL_SEARCHES, practice
from factories.territories import choose
from wagtail.models import PageViewRestriction

from practices.models import PracticePage
from search.services import engine, tally

TALLIED = []  # per search answered in memory (``search.services.tally``): whether it counted facets


@pytest.fixture(autouse=True)
def tallied(monkeypatch):
    real = tally.Tally.facts

    def spy(self, *args, with_counts=True, **kwargs):
        TALLIED.append(with_counts)
        return real(self, *args, with_counts=with_counts, **kwargs)

    TALLIED.clear()
    monkeypatch.setattr(tally.Tally, "facts", spy)


def counted(captured, tallied_before: int) -> bool:
    """Whether the search counted facet values: in memory, or by its statement (whose
    counting branches group)."""
    return any(TALLIED[tallied_before:]) or any("GROUP BY" in query["sql"] for query in captured.captured_queries)


def facet_counts(response, name) -> dict[str, int]:
    group = next(group for group in response.context["search"].facets if group.name == name)
    return {value.value: value.count for value in [*group.values, *group.more]}


def get(client, params, language="fr"):
    before = len(TALLIED)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return response, counted(captured, before)


def test_another_order_or_page_reuses_the_counts(client, catalogue):
    first, first_counted = get(client, {"policy_area": "sante-hopitaux"})
    again, again_counted = get(client, {"policy_area": "sante-hopitaux", "sort": "title", "page": "1"})
    assert first_counted and not again_counted
    for name in ("country", "policy_area", "lab", "stage"):
        assert facet_counts(again, name) == facet_counts(first, name), name
    assert again.context["search"].total == first.context["search"].total
    assert facet_counts(again, "country") == {"DK": 1, "FR": 1, "GB": 1}


def test_another_filter_or_text_counts_afresh(client, catalogue):
    get(client, {"policy_area": "sante-hopitaux"})
    other, other_counted = get(client, {"policy_area": "logement"})
    assert other_counted
    assert facet_counts(other, "country") == {"DK": 1, "FR": 0}
    _text, text_counted = get(client, {"policy_area": "sante-hopitaux", "q": "urgences"})
    assert text_counted


def test_a_publication_is_counted_at_once(client, catalogue):
    before, _counted = get(client, {"country": "FR"})
    practice(catalogue.gironde, "Nouvelle maison de santé", "Une santé de proximité.", areas=["sante-hopitaux"])
    after, after_counted = get(client, {"country": "FR"})
    assert after_counted
    assert (
        facet_counts(after, "policy_area")["sante-hopitaux"]
        == facet_counts(before, "policy_area")["sante-hopitaux"] + 1
    )
    assert after.context["search"].total == before.context["search"].total + 1


def test_an_unpublished_practice_leaves_the_counts_at_once(client, catalogue):
    before, _counted = get(client, {})
    PracticePage.objects.get(pk=catalogue.health.pk).unpublish()
    after, after_counted = get(client, {})
    assert after_counted
    assert facet_counts(after, "stage")["evaluated"] == facet_counts(before, "stage")["evaluated"] - 1


def test_a_new_restriction_is_counted_at_once(client, catalogue):
    before, _counted = get(client, {})
    PageViewRestriction.objects.create(page=catalogue.library, restriction_type="password", password="x")  # noqa: S106
    after, after_counted = get(client, {})
    assert after_counted
    assert after.context["search"].total == before.context["search"].total - 1


def test_own_language_readers_have_their_own_counts(client, catalogue):
    everyone, _counted = get(client, {}, language="en")
    own, own_counted = get(client, {"own_language": "1"}, language="en")
    assert own_counted
    assert facet_counts(own, "country") != facet_counts(everyone, "country")
    assert sum(facet_counts(own, "country").values()) == own.context["search"].total == 2


def test_nothing_is_kept_when_the_fragment_cache_is_off(client, catalogue, settings):
    settings.PRAXIS_FRAGMENT_CACHE_SECONDS = 0
    get(client, {"policy_area": "sante-hopitaux"})
    _again, again_counted = get(client, {"policy_area": "sante-hopitaux", "sort": "title"})
    assert again_counted


@pytest.mark.parametrize("sort", ["newest", "verified", "title", "relevance"])
@pytest.mark.parametrize(
    "filters", [{}, {"policy_area": "sante-hopitaux"}, {"country": ["FR", "GB"], "stage": "evaluated"}]
)
def test_with_kept_counts_every_order_gives_the_same_pages(client, catalogue, settings, monkeypatch, sort, filters):
    """The page of results looked up alone (counts and total kept) is the one the whole
    statement gives: same practices, same order, on every page (two results a page)."""
    monkeypatch.setattr(engine, "PER_PAGE", 2)
    params = {**filters, "sort": sort, "q": "santé" if sort == "relevance" else ""}
    settings.PRAXIS_FRAGMENT_CACHE_SECONDS = 0
    expected = [get(client, {**params, "page": page})[0].context["search"].results for page in (1, 2, 3)]
    settings.PRAXIS_FRAGMENT_CACHE_SECONDS = 60
    get(client, params)  # counts kept
    assert any(expected[1])  # more than one page
    for page, results in zip((1, 2, 3), expected, strict=True):
        response, counted_again = get(client, {**params, "page": page})
        assert not counted_again
        assert [practice.pk for practice in response.context["search"].results] == [p.pk for p in results]


# The whole answer: asked again, only the cards, the facet labels and the labs are read.

# Locale, private sections, site, content version, 3 for the cards and one for their labs'
# translations in the reader's language, when there are some (the vocabularies and the labs of
# the facet panel are kept too).
KEPT_QUERIES = 8


@pytest.fixture
def asked(text_matches):
    """The models the search backend was asked to match text for."""
    models = []

    def spy(model, terms, **kwargs):
        models.append(model.__name__)
        return text_matches.real(model, terms, **kwargs)

    text_matches.route(spy)
    return models


def read_catalogue(captured, tallied_before: int) -> bool:
    """Whether the search looked for its results: in memory, or by its statement over the
    readable practices (whole or page only)."""
    return len(TALLIED) > tallied_before or any(
        "scope (id, first_published_at)" in query["sql"] for query in captured.captured_queries
    )


def answered(client, params, language="fr"):
    """The response, its number of queries, and whether it looked in the catalogue."""
    before = len(TALLIED)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return response, len(captured), read_catalogue(captured, before)


def pks(response) -> list[int]:
    return [practice.pk for practice in response.context["search"].results]


@pytest.mark.parametrize("params", TYPICAL_SEARCHES)
def test_a_search_asked_again_reads_only_its_cards(client, catalogue, asked, params):
    first, first_queries, first_read = answered(client, params)
    asked.clear()
    again, again_queries, again_read = answered(client, params)
    assert first_read and not again_read
    assert asked == []  # no text match, for the practices nor the labs
    labs = 1 if again.context["search"].labs else 0  # fetched by id
    assert again_queries <= KEPT_QUERIES + labs < first_queries
    assert pks(again) == pks(first)
    assert again.context["search"].total == first.context["search"].total
    assert [lab.pk for lab in again.context["search"].labs] == [lab.pk for lab in first.context["search"].labs]
    for name in ("country", "policy_area", "lab", "stage", "year"):
        assert facet_counts(again, name) == facet_counts(first, name), name
    assert again.content.decode().count('class="search-result') == first.content.decode().count('class="search-result')


def test_the_labs_found_by_the_text_are_kept_with_page_1(client, catalogue, asked):
    first, _queries, _read = answered(client, {"q": "gironde"})
    assert [lab.pk for lab in first.context["search"].labs] == [catalogue.gironde.pk]
    assert asked == ["PracticePage", "LabPage"]
    asked.clear()
    again, _queries, _read = answered(client, {"q": "gironde"})
    assert [lab.title for lab in again.context["search"].labs] == [catalogue.gironde.title]
    assert asked == []


def test_a_new_matching_practice_is_found_at_once(client, catalogue):
    answered(client, {"q": "santé"})
    before, _queries, _read = answered(client, {"q": "santé"})
    new = practice(catalogue.gironde, "Centre de santé itinérant", "Un bus de santé.", areas=["sante-hopitaux"])
    after, _queries, after_read = answered(client, {"q": "santé"})
    assert after_read
    assert new.pk in pks(after) and new.pk not in pks(before)
    assert after.context["search"].total == before.context["search"].total + 1


def test_an_unpublished_practice_leaves_the_results_at_once(client, catalogue):
    answered(client, {"q": "santé"})
    before, _queries, _read = answered(client, {"q": "santé"})
    assert catalogue.health.pk in pks(before)
    PracticePage.objects.get(pk=catalogue.health.pk).unpublish()
    after, _queries, _read = answered(client, {"q": "santé"})
    assert catalogue.health.pk not in pks(after)
    assert after.context["search"].total == before.context["search"].total - 1


def test_a_practice_in_a_restricted_section_never_comes_from_a_kept_answer(client, catalogue):
    for _ in range(2):
        before, _queries, _read = answered(client, {"q": "santé"})
        assert catalogue.restricted.pk not in pks(before)
        assert catalogue.draft.pk not in pks(before)
    assert catalogue.health.pk in pks(before)
    # The lab the practice is filed under becomes private: its practices with it.
    PageViewRestriction.objects.create(page=catalogue.gironde, restriction_type="password", password="x")  # noqa: S106
    after, _queries, after_read = answered(client, {"q": "santé"})
    assert after_read
    assert catalogue.health.pk not in pks(after)
    again, _queries, again_read = answered(client, {"q": "santé"})
    assert not again_read and pks(again) == pks(after)


def test_each_language_and_own_language_readers_have_their_own_answers(client, catalogue):
    french, _queries, _read = answered(client, {"q": "urgences"}, language="fr")
    english, _queries, english_read = answered(client, {"q": "urgences"}, language="en")
    assert english_read
    assert pks(french) == [catalogue.hospital.pk]
    assert pks(english) == []  # the English reader reads its translation, without these words
    everyone, _queries, _read = answered(client, {}, language="en")
    own, _queries, own_read = answered(client, {"own_language": "1"}, language="en")
    assert own_read
    assert set(pks(own)) < set(pks(everyone))
    # Still their own answer when they come back (the choice is remembered).
    again, _queries, again_read = answered(client, {}, language="en")
    assert not again_read and pks(again) == pks(own)


def test_each_page_and_order_has_its_own_answer(client, catalogue, monkeypatch):
    monkeypatch.setattr(engine, "PER_PAGE", 2)
    first, _queries, _read = answered(client, {})
    second, _queries, second_read = answered(client, {"page": "2"})
    titled, _queries, titled_read = answered(client, {"sort": "title"})
    assert second_read and titled_read
    assert not set(pks(first)) & set(pks(second))
    titles = [practice.title for practice in titled.context["search"].results]
    assert titles == sorted(titles, key=str.casefold)
    for params, expected in [({}, first), ({"page": "2"}, second), ({"sort": "title"}, titled)]:
        again, _queries, again_read = answered(client, params)
        assert not again_read and pks(again) == pks(expected)


def test_a_page_past_the_end_is_the_last_one_kept_or_not(client, catalogue, monkeypatch):
    monkeypatch.setattr(engine, "PER_PAGE", 2)
    last, _queries, _read = answered(client, {"page": "3"}, language="en")
    for _ in range(2):
        response, _queries, _read = answered(client, {"page": "99"}, language="en")
        assert response.context["search"].page.number == 3
        assert pks(response) == pks(last)
        assert "There is no page 99: showing page 3." in response.context["search"].notices
    assert not _read


def test_searches_without_results_are_recorded_when_kept_too(client, catalogue, monkeypatch):
    recorded = []
    monkeypatch.setattr(engine.zero_results, "record", lambda query, language: recorded.append((query, language)))
    answered(client, {"q": "Téléphérique urbain"})
    _response, _queries, again_read = answered(client, {"q": "téléphérique URBAIN !"})  # the same words
    assert not again_read
    assert recorded == [("telepherique urbain", "fr")] * 2
    answered(client, {"q": "santé", "country": "SE"})  # words found, filters too narrow: not recorded
    answered(client, {"q": "santé", "country": "SE"})
    assert len(recorded) == 2


def test_a_degraded_answer_is_not_kept(client, catalogue, text_matches, asked):
    text_matches.degrade()
    degraded, _queries, _read = answered(client, {"q": "santé"})
    assert degraded.context["search"].degraded
    text_matches.restore()
    whole, _queries, whole_read = answered(client, {"q": "santé"})
    assert whole_read and not whole.context["search"].degraded
    _again, _queries, again_read = answered(client, {"q": "santé"})
    assert not again_read


def test_hostile_input_in_a_kept_search(client, catalogue):
    kept, _queries, _read = answered(client, {"q": "health"}, language="en")
    nul, _queries, nul_read = answered(client, {"q": "health\x00", "page": "\x00", "sort": "\x00"}, language="en")
    assert not nul_read and pks(nul) == pks(kept)
    assert "Unknown sort order ignored." in nul.context["search"].notices
    assert client.get("/en/search/", {"q": "health", "lab": "1" * 5000}).status_code in (200, 400)


def test_the_practice_index_keeps_its_pages_too(client, catalogue):
    index = PracticeIndexPageFactory(title="Pratiques", slug="pratiques")
    first = client.get(index.url, {"page": "2"})
    before = len(TALLIED)
    with CaptureQueriesContext(connection) as captured:
        again = client.get(index.url, {"page": "2"})
    assert again.status_code == 200
    assert not read_catalogue(captured, before)
    assert again.content.decode().count("search-result") == first.content.decode().count("search-result")


# "Closest to my territory" and "territories like mine": one answer per reader's territory.


@pytest.mark.parametrize("params", [{"sort": "closest"}, {"like": "mine"}, {"like": "mine", "sort": "closest"}])
def test_closest_and_like_mine_are_answered_per_territory(client, territorial, params):
    choose(client, "42218")  # Saint-Étienne
    saint_etienne, _queries, _read = answered(client, params)
    other = Client()
    choose(other, "63195")  # Lezoux
    lezoux, _queries, lezoux_read = answered(other, params)
    assert lezoux_read  # not Saint-Étienne's answer
    again, _queries, again_read = answered(client, params)
    assert not again_read and pks(again) == pks(saint_etienne)
    if params.get("sort") == "closest":
        assert pks(saint_etienne)[:3] != pks(lezoux)[:3]
    choose(client, "63195")  # the first reader moves: Lezoux's answer
    moved, _queries, moved_read = answered(client, params)
    assert not moved_read and pks(moved) == pks(lezoux)


def test_update_index_makes_every_kept_answer_unusable(client, catalogue):
    from django.core.management import call_command  # reason: only this test runs the command

    answered(client, {"q": "santé"})
    call_command("update_index", verbosity=0)
    _after, _queries, after_read = answered(client, {"q": "santé"})
    assert after_read


def test_an_export_asked_again_reuses_its_ids_and_sees_a_publication_at_once(client, catalogue):
    def exported(params):
        before = len(TALLIED)
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/fr/search/export/json/", params)
        assert response.status_code == 200
        return [item["url"] for item in response.json()["practices"]], read_catalogue(captured, before)

    first, first_read = exported({"q": "santé", "sort": "title"})
    again, again_read = exported({"q": "santé", "sort": "title"})
    assert first_read and not again_read and again == first
    new = practice(catalogue.gironde, "Centre de santé itinérant", "Un bus de santé.", areas=["sante-hopitaux"])
    after, after_read = exported({"q": "santé", "sort": "title"})
    assert after_read and len(after) == len(first) + 1 and any(new.slug in url for url in after)
