"""The reader chooses their territory with the autocomplete (keyboard only) on a practice page,
then sees the comparison and the competence check; no WCAG 2.1 AA violation found by axe."""

import pytest
from browser.a11y import axe_violations, describe
from factories.practices import PracticePageFactory
from factories.territories import load_reference, territory

from territories.models import Level

pytestmark = pytest.mark.browser


def test_choosing_a_territory_with_the_autocomplete_then_reading_the_comparison(
    live_server, live_home, page, screenshot
):
    load_reference()
    practice = PracticePageFactory(
        title="Insertion des allocataires du RSA",
        territory_name="",
        population=None,
        reference_territory=territory(Level.DEPARTEMENT, "971"),
        legal_competence="departement",
    )
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
