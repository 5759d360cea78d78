"""Every page: <html lang>, the switcher to THIS page's translations, hreflang and x-default."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from factories.translations import translate_page
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def switcher_targets(soup) -> dict:
    """{language code: URL the switcher leads to (its ``next``)} and the current language."""
    nav = soup.select_one("nav.language-switcher")
    assert nav is not None, "no language switcher"
    targets = {}
    for link in nav.select("a"):
        parts = urlsplit(link["href"])
        code = link["hreflang"]
        assert parts.path == f"/{code}/language/"
        assert link["lang"] == code
        targets[code] = parse_qs(parts.query)["next"][0]
    return targets


def hreflang_links(soup) -> dict:
    return {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}


def test_french_practice_links_to_its_english_translation(client, practice_fr, practice_en):
    soup = parse(client.get(practice_fr.url))
    assert soup.html["lang"] == "fr"
    assert practice_en.url == "/en/practices/participatory-budgeting-schools/"
    assert switcher_targets(soup) == {"fr": practice_fr.url, "en": practice_en.url}
    current = soup.select_one("nav.language-switcher a[aria-current]")
    assert current["hreflang"] == "fr"
    assert hreflang_links(soup) == {
        "fr": practice_fr.full_url,
        "en": practice_en.full_url,
        "x-default": practice_fr.full_url,
    }
    assert soup.select_one('link[rel="canonical"]')["href"] == practice_fr.full_url


def test_english_translation_has_english_lang_and_marks_english_current(client, practice_fr, practice_en):
    soup = parse(client.get(practice_en.url))
    assert soup.html["lang"] == "en"
    assert soup.select_one("nav.language-switcher a[aria-current]")["hreflang"] == "en"
    assert switcher_targets(soup)["fr"] == practice_fr.url
    links = hreflang_links(soup)
    assert links["x-default"] == practice_fr.full_url  # the French version
    assert soup.select_one('link[rel="canonical"]')["href"] == practice_en.full_url


def test_switcher_points_to_this_page_not_the_home_page(client, practice_fr, practice_en, home):
    targets = switcher_targets(parse(client.get(practice_fr.url)))
    assert targets["en"] != "/en/"
    assert targets["en"].endswith("/participatory-budgeting-schools/")


def test_a_draft_translation_is_neither_in_the_switcher_nor_in_hreflang(client, practice_fr):
    draft = translate_page(practice_fr, "en", live=False, title="Draft", slug="draft-translation")
    assert not draft.live
    soup = parse(client.get(practice_fr.url))
    assert soup.select_one("nav.language-switcher") is None
    assert hreflang_links(soup) == {}
    assert "draft-translation" not in soup.decode()


def test_a_private_translation_is_not_advertised(client, practice_fr, practice_en):
    PageViewRestriction.objects.create(page=practice_en, restriction_type=PageViewRestriction.LOGIN)
    soup = parse(client.get(practice_fr.url))
    assert "en" not in hreflang_links(soup)
    assert soup.select_one("nav.language-switcher") is None


def test_an_untranslated_page_has_no_alternates_but_a_canonical(client, untranslated_fr):
    soup = parse(client.get(untranslated_fr.url))
    assert soup.html["lang"] == "fr"
    assert hreflang_links(soup) == {}
    assert soup.select_one('link[rel="canonical"]')["href"] == untranslated_fr.full_url


def test_home_pages_link_to_each_other(client, home):
    soup = parse(client.get("/en/"))
    assert soup.html["lang"] == "en"
    assert switcher_targets(soup) == {"fr": "/fr/", "en": "/en/"}
    assert hreflang_links(soup)["x-default"].endswith("/fr/")


def test_a_view_that_is_not_a_page_links_to_its_url_in_each_language(client, home):
    soup = parse(client.get("/fr/search/?q=budget"))
    assert soup.html["lang"] == "fr"
    assert switcher_targets(soup) == {"fr": "/fr/search/?q=budget", "en": "/en/search/?q=budget"}
    assert hreflang_links(soup)["en"] == "http://testserver/en/search/?q=budget"
