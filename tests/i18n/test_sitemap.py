"""sitemap.xml lists every translation of every live public page, with hreflang alternates."""

import xml.etree.ElementTree as ET

import pytest
from factories import PracticePageFactory
from factories.translations import translate_page
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap(client) -> dict:
    """{location: {hreflang: href}}"""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_both_translations_are_listed_with_their_alternates(client, practice_fr, practice_en):
    urls = sitemap(client)
    expected = {"fr": practice_fr.full_url, "en": practice_en.full_url, "x-default": practice_fr.full_url}
    assert urls[practice_fr.full_url] == expected
    assert urls[practice_en.full_url] == expected
    assert practice_en.full_url == "http://localhost/en/practices/participatory-budgeting-schools/"


def test_home_pages_of_every_language_are_listed(client, home):
    urls = sitemap(client)
    assert set(urls) >= {"http://localhost/fr/", "http://localhost/en/"}
    assert urls["http://localhost/en/"]["fr"] == "http://localhost/fr/"


def test_untranslated_page_is_listed_without_alternates(client, untranslated_fr):
    assert sitemap(client)[untranslated_fr.full_url] == {}


def test_drafts_and_private_pages_are_excluded(client, practice_index, practice_fr):
    draft = PracticePageFactory(parent=practice_index, slug="brouillon", live=False)
    private = PracticePageFactory(parent=practice_index, slug="reservee")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    draft_translation = translate_page(practice_fr, "en", live=False, slug="draft-translation")
    private_translation = translate_page(private, "en", slug="private-translation")

    urls = sitemap(client)
    listed = set(urls) | {href for alternates in urls.values() for href in alternates.values()}
    for hidden in ("brouillon", "reservee", "draft-translation", "private-translation"):
        assert not any(hidden in url for url in listed), hidden
    assert draft.pk and not draft_translation.live
    assert private_translation.live and private_translation.view_restrictions.exists()  # copied by Wagtail
    assert practice_fr.full_url in urls
    assert urls[practice_fr.full_url] == {}  # its only translation is a draft
