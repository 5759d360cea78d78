"""Autocomplete, feeds of a search, similar practices and exports: each only shows live,
public practices the reader can read."""

import json
import xml.etree.ElementTree as ET  # noqa: S405 (our own feeds)

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from search.services.similar import similar_practices

ATOM = "{http://www.w3.org/2005/Atom}"


def parse_xml(content: bytes):
    return ET.fromstring(content)  # noqa: S314 (our own feed)


# Suggestions


@pytest.fixture
def suggest(client, catalogue):
    """``suggest(query, language="fr")``: the autocomplete's suggestions (a 200)."""

    def get(query, language="fr"):
        response = client.get(f"/{language}/search/suggest/", {"q": query})
        assert response.status_code == 200
        return response.json()["suggestions"]

    return get


def test_suggests_titles_by_prefix_accent_insensitive(suggest, catalogue):
    labels = [item["label"] for item in suggest("mediat") if item["kind"] == "practice"]
    assert labels == [catalogue.library.title]
    assert suggest("mediat")[0]["url"] == catalogue.library.url


def test_suggests_taxonomy_terms_in_the_readers_language(suggest):
    french = suggest("renov")
    assert {"label": "Rénovation énergétique", "kind": "policy_area"} in [
        {"label": item["label"], "kind": item["kind"]} for item in french
    ]
    term = next(item for item in suggest("energy ren", "en") if item["kind"] == "policy_area")
    assert term["label"] == "Energy renovation"
    assert term["url"] == "/en/search/?policy_area=renovation-energetique"


def test_drafts_and_restricted_pages_are_never_suggested(suggest, catalogue):
    labels = [item["label"] for item in suggest("brouillon")] + [item["label"] for item in suggest("prat")]
    assert catalogue.draft.title not in labels
    assert catalogue.restricted.title not in labels


def test_one_suggestion_per_practice_in_the_readers_language(suggest, catalogue):
    english = [item for item in suggest("hosp", "en") if item["kind"] == "practice"]
    assert [item["label"] for item in english] == [catalogue.hospital_en.title]
    fallback = [item for item in suggest("commun", "fr") if item["kind"] == "practice"]
    assert [(item["label"], item["lang"]) for item in fallback] == [(catalogue.leeds.title, "en")]


def test_nothing_suggested_for_too_short_or_empty_input(suggest):
    assert suggest("m") == []
    assert suggest("   ") == []


# Feeds


def test_atom_feed_of_a_search_with_facets(client, catalogue):
    response = client.get("/fr/search/feed/atom/", {"q": "santé", "country": "FR"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = parse_xml(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
    assert titles == [catalogue.health.title]
    link = feed.find(f"{ATOM}link").get("href")
    assert "/fr/search/?q=sant%C3%A9&country=FR" in link


def test_rss_feed_newest_first_and_only_public_pages(client, catalogue):
    response = client.get("/fr/search/feed/rss/", {"policy_area": "sante-hopitaux"})
    channel = parse_xml(response.content).find("channel")
    titles = [item.find("title").text for item in channel.findall("item")]
    assert titles == [catalogue.leeds.title, catalogue.hospital.title, catalogue.health.title]
    assert catalogue.draft.title not in response.content.decode()
    assert catalogue.restricted.title not in response.content.decode()


def test_feed_in_english_uses_the_english_translation(client, catalogue):
    response = client.get("/en/search/feed/rss/", {"q": "emergency"})
    titles = [item.find("title").text for item in parse_xml(response.content).find("channel").findall("item")]
    assert titles == [catalogue.hospital_en.title]


# Similar practices


def test_similar_practices_share_terms_first_never_itself_nor_its_translations(catalogue):
    with translation.override("fr"):
        found = similar_practices(catalogue.hospital, RequestFactory().get("/fr/"))
    pks = [page.pk for page in found]
    assert catalogue.hospital.pk not in pks
    assert catalogue.hospital_en.pk not in pks
    assert catalogue.draft.pk not in pks
    assert catalogue.restricted.pk not in pks
    # Same policy area (health) first: Aurillac and Leeds.
    assert set(pks[:2]) == {catalogue.health.pk, catalogue.leeds.pk}


def test_similar_practices_in_the_readers_language(catalogue):
    with translation.override("en"):
        found = similar_practices(catalogue.health, RequestFactory().get("/en/"))
    assert catalogue.hospital_en.pk in [page.pk for page in found]
    assert catalogue.hospital.pk not in [page.pk for page in found]


def test_similar_practices_template_tag_renders_the_block(catalogue):
    request = RequestFactory().get("/fr/")
    with translation.override("fr"):
        html = Template("{% load search_tags %}{% similar_practices page %}").render(
            Context({"page": catalogue.library, "request": request})
        )
    assert 'id="similar-practices-title"' in html
    assert catalogue.library.title not in html


# Exports


def test_json_export_of_a_search_keeps_its_order_and_privacy(client, catalogue):
    response = client.get("/fr/search/export/json/", {"q": "santé", "sort": "title"})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    titles = [record["title"] for record in data["practices"]]
    assert titles == sorted(titles, key=str.casefold)
    assert catalogue.draft.title not in titles
    assert catalogue.restricted.title not in titles
    assert "contact_email" not in json.dumps(data)


def test_csv_export_and_unknown_format(client, catalogue):
    response = client.get("/fr/search/export/csv/", {"policy_area": "culture-bibliotheques"})
    assert response.status_code == 200
    assert catalogue.library.title in response.content.decode()
    assert catalogue.health.title not in response.content.decode()
    assert client.get("/fr/search/export/xlsx/").status_code == 404
