"""The facet counts of a search are kept until published content changes: paging, sorting or
repeating a search does not count again, a publication counts afresh at once, and what the
counts depend on (the text, the filters, the reader's language choice) is never mixed up
(SQLite and PostgreSQL, real HTTP requests)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from factories.search_data import practice
from wagtail.models import PageViewRestriction

from practices.models import PracticePage
from search.services import engine


def counted(captured) -> bool:
    """Whether the search's statement counted facet values (its counting branches group)."""
    return any("GROUP BY" in query["sql"] for query in captured.captured_queries)


def facet_counts(response, name) -> dict[str, int]:
    group = next(group for group in response.context["search"].facets if group.name == name)
    return {value.value: value.count for value in [*group.values, *group.more]}


def get(client, params, language="fr"):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return response, counted(captured)


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
