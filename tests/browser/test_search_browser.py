"""The search page in Chromium: with JavaScript (live results, suggestions, shareable URL)
and without (a plain GET form), and no WCAG 2.1 AA violation found by axe.

One test: live-server tests flush the database afterwards (with the permissions and
vocabularies the migrations made), so the catalogue is built once and every scenario
runs on it.
"""

import pytest
from browser.a11y import axe_violations, describe
from factories.search_data import build_catalogue

pytestmark = pytest.mark.browser


def result_titles(page):
    return page.locator(".search-result__title").all_inner_texts()


def live_filtering(page, base):
    page.goto(f"{base}/fr/search/?q=santé")
    assert "Maison de santé rurale à Aurillac" in result_titles(page)
    with page.expect_response(lambda response: response.request.headers.get("x-praxis-partial") == "1"):
        page.locator("#facet-country-dk").check()
    page.wait_for_function("() => new URL(location.href).searchParams.get('country') === 'DK'")
    assert result_titles(page) == ["Hôpitaux : accueillir les urgences autrement"]
    assert page.locator("#facet-country-dk").is_checked()  # the region was replaced, the choice kept
    shared = page.url  # shareable: opening it again gives the same results
    page.goto(shared)
    assert result_titles(page) == ["Hôpitaux : accueillir les urgences autrement"]


def suggestions(page, base, library_url):
    page.goto(f"{base}/fr/search/")
    box = page.get_by_role("combobox", name="Mots à rechercher")
    box.press_sequentially("médiat", delay=30)
    option = page.get_by_role("option").filter(has_text="Médiathèque troisième lieu à Rennes")
    option.wait_for()
    index = page.get_by_role("option").all_inner_texts().index(option.inner_text())
    for _ in range(index + 1):
        box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == f"search-suggestion-{index}"
    with page.expect_navigation():
        box.press("Enter")
    assert page.url.endswith(library_url)


def without_javascript(browser, base, screenshot_dir):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844}, locale="fr-FR")
    page = context.new_page()
    try:
        page.goto(f"{base}/fr/search/")
        page.locator("#search-q").fill("médiathèques")
        page.locator("#facet-policy_area-culture-bibliotheques").check()
        with page.expect_navigation():
            page.locator("button[data-search-apply].facet__apply").click()
        assert result_titles(page) == ["Médiathèque troisième lieu à Rennes"]
        assert "policy_area=culture-bibliotheques" in page.url
        assert page.locator(".search-result mark").first.inner_text() == "Médiathèque"
        page.screenshot(path=str(screenshot_dir / "search-fr-nojs-390.png"), full_page=True)
    finally:
        context.close()


def test_search_page_in_chromium(live_server, live_home, page, browser, screenshot):
    catalogue = build_catalogue()
    base = live_server.url

    live_filtering(page, base)
    screenshot("search-fr-live-1280")

    page.goto(f"{base}/fr/search/?q=santé&country=FR")
    violations = axe_violations(page)
    assert violations == [], describe(violations)

    suggestions(page, base, catalogue.library.url)

    from browser.conftest import ARTIFACTS

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    without_javascript(browser, base, ARTIFACTS)
