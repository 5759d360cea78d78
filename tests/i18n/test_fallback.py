"""Language fallback: untranslated content still shows, marked, unless the reader asks
for their language only (a toggle that works without JavaScript and is remembered)."""

import pytest
from bs4 import BeautifulSoup
from factories import LabIndexPageFactory, LabPageFactory, PracticePageFactory
from factories.translations import translate_page

from praxis.services.language import OWN_LANGUAGE_COOKIE

pytestmark = pytest.mark.django_db


def cards(response, selector="article.practice-card"):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {card.select_one(".card__title").get_text(strip=True): card for card in soup.select(selector)}


def test_untranslated_practice_shows_in_english_listing_in_french_marked_as_such(
    client, practice_fr, practice_en, untranslated_fr
):
    listing = cards(client.get("/en/practices/"))
    assert set(listing) == {practice_en.title, untranslated_fr.title}  # one card per practice

    fallback = listing[untranslated_fr.title]
    assert fallback.select_one('[lang="fr"]') is not None
    assert fallback.select_one('[lang="fr"]').select_one(".card__title").get_text(strip=True) == untranslated_fr.title
    assert fallback.select_one(".badge--language").get_text(strip=True) == "In French"
    assert fallback.select_one("a")["href"] == untranslated_fr.url  # the French page

    translated = listing[practice_en.title]
    assert translated.select_one(".badge--language") is None
    assert translated.select_one("[lang]") is None


def test_only_my_language_hides_untranslated_practices_and_is_remembered(
    client, practice_fr, practice_en, untranslated_fr
):
    response = client.get("/en/practices/", {"own_language": "1"})
    assert set(cards(response)) == {practice_en.title}
    assert response.cookies[OWN_LANGUAGE_COOKIE].value == "1"

    # The choice holds on the next visit, then the reader turns it off.
    assert set(cards(client.get("/en/practices/"))) == {practice_en.title}
    response = client.get("/en/practices/", {"own_language": "0"})
    assert set(cards(response)) == {practice_en.title, untranslated_fr.title}
    assert set(cards(client.get("/en/practices/"))) == {practice_en.title, untranslated_fr.title}


def test_the_toggle_is_a_plain_link_showing_its_state(client, practice_fr, untranslated_fr):
    soup = BeautifulSoup(client.get("/en/practices/", {"page": "1"}).content, "html.parser")
    toggle = soup.select_one(".own-language-toggle")
    assert toggle is not None
    link = toggle.select_one("a")
    assert link["href"] == "/en/practices/?own_language=1"  # the page number is dropped
    assert "Show only content written in English" in link.get_text()

    soup = BeautifulSoup(client.get(link["href"]).content, "html.parser")
    toggle = soup.select_one(".own-language-toggle")
    assert "Only content written in English" in toggle.select_one("[aria-current]").get_text()
    assert toggle.select_one("a")["href"] == "/en/practices/?own_language=0"


def test_invalid_toggle_value_is_ignored(client, practice_fr, untranslated_fr):
    response = client.get("/en/practices/", {"own_language": "banana"})
    assert len(cards(response)) == 2
    assert OWN_LANGUAGE_COOKIE not in response.cookies


def test_french_listing_is_unaffected_for_french_originals(client, practice_fr, practice_en, untranslated_fr):
    listing = cards(client.get("/fr/pratiques/", {"own_language": "1"}))
    assert set(listing) == {practice_fr.title, untranslated_fr.title}
    assert all(card.select_one(".badge--language") is None for card in listing.values())


def test_untranslated_lab_shows_in_the_english_directory_with_its_badge(client, home):
    index = LabIndexPageFactory(parent=home)
    translate_page(index, "en", title="Labs", slug="labs")
    translated = LabPageFactory(parent=index, title="Laboratoire traduit", slug="labo-traduit")
    translate_page(translated, "en", title="Translated lab", slug="translated-lab")
    french_only = LabPageFactory(parent=index, title="Laboratoire francophone", slug="labo-fr")

    directory = cards(client.get("/en/labs/"), "article.lab-card")
    assert set(directory) == {"Translated lab", french_only.title}
    assert directory[french_only.title].select_one(".badge--language").get_text(strip=True) == "In French"
    assert directory[french_only.title].select_one('[lang="fr"]') is not None

    assert set(cards(client.get("/en/labs/", {"own_language": "1"}), "article.lab-card")) == {"Translated lab"}


def test_english_lab_page_lists_its_french_only_practice_marked_as_french(client, home):
    index = LabIndexPageFactory(parent=home)
    translate_page(index, "en", title="Labs", slug="labs")
    lab = LabPageFactory(parent=index, title="La 27e Région", slug="la-27e-region")
    lab_en = translate_page(lab, "en", title="La 27e Région (EN)", slug="la-27e-region")
    practice = PracticePageFactory(parent=lab, title="Résidence en lycée", slug="residence-lycee", labs=[lab])

    listing = cards(client.get(lab_en.url))
    assert set(listing) == {practice.title}
    assert listing[practice.title].select_one('[lang="fr"]') is not None
    assert listing[practice.title].select_one(".badge--language").get_text(strip=True) == "In French"

    assert cards(client.get(lab_en.url, {"own_language": "1"})) == {}
