"""The search page keeps its rendered facets and results (``{% keptregion %}``, the search's
``region_key``): a search asked again is the same page and loads neither cards nor facet
labels; what the region shows per reader (the members' buttons, the reader's territory, the
words as typed, the notices, the language toggle) is never served to another reader; a
publication, an unpublication or a restriction is seen at once; a degraded answer is never
kept (SQLite and PostgreSQL, real HTTP requests)."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from factories import MemberFactory
from factories.search_data import TYPICAL_SEARCHES, practice
from factories.territories import load_reference, territory
from wagtail.models import PageViewRestriction

from practices.models import PracticePage
from search.services import engine
from territories.models import Level

SELECTION_BUTTON = 'form="selection-add"'


def region(html: str) -> str:
    """The facets and results of a search page (what ``{% keptregion %}`` keeps)."""
    return html[html.index('<aside class="search-facets"') : html.index('<div class="search-follow">')]


def get(client, params, language="fr"):
    """The page's HTML and the SQL it ran."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in captured.captured_queries]


def linked(page, html: str) -> bool:
    """Whether the page is among the results shown (its titles are highlighted: found by link)."""
    return f'<a href="{page.url}">' in region(html)


def loaded_cards(queries) -> bool:
    """Whether the results' cards were read (their terms and labs, in one query)."""
    return any("practicepage_policy_areas" in sql for sql in queries)


@pytest.mark.parametrize("params", TYPICAL_SEARCHES)
def test_a_search_asked_again_is_the_same_page_without_reading_its_cards(client, catalogue, params):
    first, first_queries = get(client, params)
    again, again_queries = get(client, params)
    assert loaded_cards(first_queries) and not loaded_cards(again_queries)
    assert len(again_queries) < len(first_queries)
    assert again == first
    assert 'class="search-result"' in first or 'class="search-empty"' in first


def test_the_partial_answer_shares_the_kept_region(client, catalogue):
    page, _queries = get(client, {"q": "santé"})
    with CaptureQueriesContext(connection) as captured:
        partial = client.get("/fr/search/", {"q": "santé"}, headers={"X-Praxis-Partial": "1"}).content.decode()
    assert not loaded_cards([query["sql"] for query in captured.captured_queries])
    assert region(partial) == region(page)
    assert "<html" not in partial


def test_members_and_other_readers_each_get_their_own_region(client, catalogue):
    anonymous, _queries = get(client, {"q": "santé"})
    assert SELECTION_BUTTON not in anonymous
    member = Client()
    member.force_login(MemberFactory(name="Camille", language="fr").user)
    as_member, _queries = get(member, {"q": "santé"})
    assert f'{SELECTION_BUTTON} name="page" value="{catalogue.health.pk}"' in as_member
    again, _queries = get(client, {"q": "santé"})
    assert SELECTION_BUTTON not in again
    assert region(again) == region(anonymous)


def test_the_words_as_typed_and_the_notices_are_each_readers_own(client, catalogue):
    typed, _queries = get(client, {"q": "Health"}, language="en")
    other, other_queries = get(client, {"q": "health !"}, language="en")  # the same words: the same answer
    assert not any("scope (id, first_published_at)" in sql for sql in other_queries)
    assert "for “Health”" in typed and "for “health !”" in other and "“Health”" not in other
    ignored, _queries = get(client, {"q": "health", "sort": "sideways"}, language="en")
    plain, _queries = get(client, {"q": "health"}, language="en")
    assert "Unknown sort order ignored." in ignored
    assert "Unknown sort order ignored." not in plain
    assert "Unknown sort order ignored." in get(client, {"q": "health", "sort": "sideways"}, language="en")[0]


def test_the_language_toggle_as_sent_is_kept_by_the_page_links(client, catalogue, monkeypatch):
    monkeypatch.setattr(engine, "PER_PAGE", 1)
    toggled, _queries = get(client, {"own_language": "1"}, language="en")
    assert re.search(r'href="\?[^"]*own_language=1[^"]*" rel="next"', toggled)
    remembered, _queries = get(client, {}, language="en")  # the choice is remembered, not in the links
    assert re.search(r'href="\?page=2" rel="next"', remembered)


@pytest.fixture
def territorial(catalogue):
    """A practice in Mulhouse, a commune like Saint-Étienne."""
    load_reference()
    place = territory(Level.COMMUNE, "68224")
    return practice(catalogue.gironde, "Pratique mulhousienne", "Une pratique.", reference_territory=place)


def test_the_readers_territory_is_in_their_region_only(client, catalogue, territorial):
    nowhere, _queries = get(client, {"sort": "newest"}, language="en")
    placed = Client()
    assert placed.post("/fr/territory/", {"territory": "commune:42218"}).status_code == 302  # Saint-Étienne
    close, _queries = get(placed, {"sort": "newest"}, language="en")
    assert 'id="facet-like-mine"' in close and 'class="search-result__closeness"' in close
    assert 'id="facet-like-mine"' not in nowhere and 'class="search-result__closeness"' not in nowhere
    again, _queries = get(client, {"sort": "newest"}, language="en")
    assert region(again) == region(nowhere)


def test_a_publication_an_unpublication_and_a_restriction_are_shown_at_once(client, catalogue):
    get(client, {"q": "santé"})
    before, _queries = get(client, {"q": "santé"})
    assert linked(catalogue.health, before)
    new = practice(catalogue.gironde, "Centre de santé itinérant", "Un bus de santé.", areas=["sante-hopitaux"])
    published, _queries = get(client, {"q": "santé"})
    assert linked(new, published) and not linked(new, before)
    PracticePage.objects.get(pk=new.pk).unpublish()
    unpublished, _queries = get(client, {"q": "santé"})
    assert not linked(new, unpublished) and linked(catalogue.health, unpublished)
    PageViewRestriction.objects.create(page=catalogue.gironde, restriction_type="password", password="x")  # noqa: S106
    restricted, _queries = get(client, {"q": "santé"})
    assert not linked(catalogue.health, restricted)


def test_a_degraded_region_is_never_kept(client, catalogue, text_matches):
    text_matches.degrade()
    degraded, _queries = get(client, {"q": "santé"})
    assert "search-notice--warning" in degraded
    text_matches.restore()
    whole, whole_queries = get(client, {"q": "santé"})
    assert loaded_cards(whole_queries)
    assert "search-notice--warning" not in whole
    assert linked(catalogue.health, whole)


def test_nothing_is_kept_when_the_fragment_cache_is_off(client, catalogue, settings):
    settings.PRAXIS_FRAGMENT_CACHE_SECONDS = 0
    get(client, {"q": "santé"})
    _again, again_queries = get(client, {"q": "santé"})
    assert loaded_cards(again_queries)
