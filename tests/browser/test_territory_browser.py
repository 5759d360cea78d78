"""The reader chooses their territory with the autocomplete (keyboard only) on a practice page,
then sees the comparison and the competence check; the lab map places the practices'
territories and the reader's; no WCAG 2.1 AA violation found by axe."""

import pytest
from browser.a11y import axe_violations, describe
from browser.conftest import ARTIFACTS
from browser.test_public_pages import refuse_outside_requests
from factories import LabPageFactory
from factories.practices import PracticePageFactory
from factories.territories import load_centres, load_reference, territory
from factories.translations import translate_page
from playwright.sync_api import expect

from territories.models import Level

pytestmark = pytest.mark.browser


def overseas_practice():
    """A practice of Guadeloupe's département needing the département's competence, with the
    territory reference loaded."""
    load_reference()
    return PracticePageFactory(
        title="Insertion des allocataires du RSA",
        territory_name="",
        population=None,
        reference_territory=territory(Level.DEPARTEMENT, "971"),
        legal_competence="departement",
    )


def test_choosing_a_territory_with_the_autocomplete_then_reading_the_comparison(
    live_server, live_home, page, screenshot
):
    practice = overseas_practice()
    page.goto(f"{live_server.url}{practice.url}")
    assert not page.locator("[data-territory-comparison]").count()

    box = page.get_by_role("combobox", name="Où travaillez-vous ? Commune, intercommunalité, département ou région")
    box.press_sequentially("saint eti", delay=30)
    option = page.get_by_role("option").filter(has_text="Saint-Étienne — commune, Loire (42218)")
    option.wait_for()
    assert page.get_by_role("option").count() == 2  # the métropole and the commune
    assert axe_violations(page) == [], describe(axe_violations(page))
    index = page.get_by_role("option").all_inner_texts().index(option.inner_text())
    for _ in range(index + 1):
        box.press("ArrowDown")
    with page.expect_navigation():
        box.press("Enter")

    comparison = page.locator("[data-territory-comparison]")
    comparison.wait_for()
    assert "Comparé à Saint-Étienne" in comparison.inner_text()
    assert "Outre-mer ; le vôtre est en métropole." in comparison.inner_text()
    warning = page.locator("[data-competence-warning]")
    assert "Département : Loire" in warning.inner_text()
    assert "Vous travaillez à Saint-Étienne" in page.locator(".reader-territory").inner_text()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    screenshot("practice-territory-comparison-fr-1280")


def test_the_territory_picker_in_english_is_accessible_too(live_server, live_home, page, screenshot):
    practice = overseas_practice()
    english = translate_page(practice, "en", title="Getting RSA recipients into work")
    page.goto(f"{live_server.url}{english.url}")
    box = page.get_by_role("combobox", name="Where do you work? Commune, intercommunality, département or région")
    box.press_sequentially("saint eti", delay=30)
    option = page.get_by_role("option").filter(has_text="Saint-Étienne — commune, Loire (42218)")
    option.wait_for()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    index = page.get_by_role("option").all_inner_texts().index(option.inner_text())
    for _ in range(index + 1):
        box.press("ArrowDown")
    with page.expect_navigation():
        box.press("Enter")
    page.locator("[data-territory-comparison]").wait_for()
    assert "Compared with Saint-Étienne" in page.locator("[data-territory-comparison]").inner_text()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    screenshot("practice-territory-comparison-en-1280")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_lab_map_places_the_practices_territories_and_the_readers(language, live_server, live_home, browser):
    """Labs, the practices' territories and, once chosen, the reader's own territory, from
    the site alone (no tiles, no request elsewhere); no axe violation, popup open or not."""
    load_reference()
    load_centres()
    lab = LabPageFactory(title="Labo de la Loire", latitude="45.44", longitude="4.39")
    shown_lab = translate_page(lab, "en", title="Loire lab") if language == "en" else lab
    for title, code in (("Tiers-lieux stéphanois", "42218"), ("Mulhouse en transition", "68224")):
        practice = PracticePageFactory(
            parent=lab, title=title, territory_name="", population=None, reference_territory=territory("commune", code)
        )
        if language == "en":
            translate_page(practice, "en", title=f"{title} (EN)")
    directory = shown_lab.get_parent().url
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=f"{language}-FR")
    page = context.new_page()
    outside = []
    refuse_outside_requests(page, live_server.url, outside)
    page.request.post(f"{live_server.url}/{language}/territory/", form={"territory": "commune:42218"})
    page.goto(live_server.url + directory)
    page.wait_for_selector("#lab-map[data-reader-ready]")
    canvas = page.locator("#lab-map")
    assert canvas.get_attribute("data-ready") == "1"
    assert canvas.get_attribute("data-territories-ready") == "2"
    assert canvas.get_attribute("data-reader-ready") == "1"
    assert page.locator("path.lab-map__lab").count() == 1
    assert page.locator("path.lab-map__territory").count() == 2
    assert page.locator("path.lab-map__reader").count() == 1
    mine = {"fr": "Votre territoire : Saint-Étienne", "en": "Your territory: Saint-Étienne"}[language]
    assert page.locator(".lab-map__reader-label").inner_text() == mine
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    page.locator("path.lab-map__territory").first.click()  # the most practices first, then by name
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    expect(page.locator(".leaflet-popup")).to_have_css("opacity", "1")  # faded in: axe reads the final colours
    assert "Mulhouse" in popup.inner_text() and "1 " in popup.inner_text()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    page.screenshot(path=str(ARTIFACTS / f"lab-map-territories-{language}-1280.png"), full_page=True)
    assert not outside, f"the map requested: {outside}"
    context.close()
