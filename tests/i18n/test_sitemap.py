"""sitemap.xml lists every translation of every live public page, with hreflang alternates."""

import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from factories import PracticePageFactory
from factories.translations import translate_page
from wagtail.models import Page, PageViewRestriction

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def xml(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # noqa: S314 (our own response)


def sitemap_pages(client) -> list[str]:
    """The sitemap pages' URLs, from the index at /sitemap.xml."""
    index = xml(client, "/sitemap.xml")
    assert index.tag == f"{{{NS['s']}}}sitemapindex"
    return [entry.findtext("s:loc", namespaces=NS) for entry in index.findall("s:sitemap", NS)]


def sitemap(client) -> dict:
    """{location: {hreflang: href}}, over every page of the sitemap (each URL listed once)."""
    urls = {}
    for page_url in sitemap_pages(client):
        for url in xml(client, page_url).findall("s:url", NS):
            location = url.findtext("s:loc", namespaces=NS)
            assert location not in urls
            urls[location] = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
    return urls


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


# Paging: an index of pages of at most PRAXIS_SITEMAP_PAGE_SIZE URLs, cached, renewed on publish.


def test_the_index_pages_every_url_once_and_keeps_hidden_pages_out(client, practice_index, practice_en, settings):
    settings.PRAXIS_SITEMAP_PAGE_SIZE = 3
    PracticePageFactory.create_batch(5, parent=practice_index)
    PracticePageFactory(parent=practice_index, slug="brouillon-pagine", live=False)
    private = PracticePageFactory(parent=practice_index, slug="reservee-paginee")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    listed = Page.objects.live().public().count() - 1  # every live public page but the tree's root

    pages = sitemap_pages(client)
    urls = sitemap(client)

    assert len(urls) == listed
    assert len(pages) == -(-listed // 3) > 2
    assert pages[0] == "http://testserver/sitemap-1.xml"
    assert all(len(xml(client, page).findall("s:url", NS)) <= 3 for page in pages)
    assert not any("brouillon-pagine" in url or "reservee-paginee" in url for url in urls)
    assert client.get(f"/sitemap-{len(pages) + 1}.xml").status_code == 404
    assert client.get("/sitemap-0.xml").status_code == 404


def test_a_sitemap_page_costs_the_same_queries_whatever_its_length(client, practice_index, settings):
    settings.PRAXIS_SITEMAP_PAGE_SIZE = 50
    settings.PRAXIS_FRAGMENT_CACHE_SECONDS = 0  # measure the page's own work, uncached

    def queries(url):
        client.get(url)  # warms Wagtail's cached site root paths
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    PracticePageFactory.create_batch(2, parent=practice_index)
    few = queries("/sitemap-1.xml"), queries("/sitemap.xml")
    PracticePageFactory.create_batch(12, parent=practice_index)
    many = queries("/sitemap-1.xml"), queries("/sitemap.xml")

    assert many == few


def test_sitemap_is_cached_and_renewed_on_publish(client, practice_index, practice_fr):
    client.get("/sitemap.xml")
    client.get("/sitemap-1.xml")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/sitemap-1.xml").status_code == 200
        assert client.get("/sitemap.xml").status_code == 200
    assert len(captured) <= 4  # site and content version, no page read

    new = PracticePageFactory(parent=practice_index, slug="nouvelle-pratique")
    assert new.full_url in sitemap(client)
    new.unpublish()
    assert new.full_url not in sitemap(client)
