"""Every public page type, in French and English, in Chromium: WCAG 2.1 A/AA (axe-core),
<html lang>, unique titles, skip link, keyboard-reachable facets, reflow at 320 px, the
lab map without any tile request, and screenshots at 1280 and 375 px for a person to look at.

The demo content is loaded once per test (it must be committed for the live server).
"""

import re
from pathlib import Path

import pytest
from browser.a11y import axe_violations, describe
from django.test import override_settings

from demo.loader import load_demo
from labs.models import LabIndexPage, LabPage, ProgrammePage
from practices.models import PracticeIndexPage, PracticePage
from praxis.models import HomePage

# Transactional: the live server reads what the test commits. An earlier transactional test
# may have flushed what migrations created; load_demo and ensure_site put back what they need.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def public_urls(language):
    """The page types a reader meets, in ``language``."""

    def one(model, **filters):
        return model.objects.live().public().filter(locale__language_code=language, **filters).first()

    lab = one(LabPage, latitude__isnull=False)
    practice = one(PracticePage, transposed_from__isnull=False) or one(PracticePage)
    return {
        "home": one(HomePage).url,
        "lab-directory": one(LabIndexPage).url,
        "lab": lab.url,
        "programme": one(ProgrammePage).url,
        "practice-index": one(PracticeIndexPage).url,
        "practice": practice.url,
        "search-facets": f"/{language}/search/?q=&policy_area=culture-bibliotheques",
        "search-empty": f"/{language}/search/?q=zzzqqqxxx",
        "not-found": f"/{language}/this-page-does-not-exist/",
    }


def refuse_outside_requests(page, live_url, attempted):
    def handle(route):
        if route.request.url.startswith(live_url):
            route.continue_()
        else:
            attempted.append(route.request.url)
            route.abort()

    page.route("**/*", handle)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_type_is_accessible(language, live_server, browser, tmp_path):
    with override_settings(MEDIA_ROOT=str(tmp_path / "media")):
        load_demo()
        urls = public_urls(language)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=f"{language}-FR")
    page = context.new_page()
    outside = []
    refuse_outside_requests(page, live_server.url, outside)
    problems, titles = [], {}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name, path in urls.items():
        response = page.goto(live_server.url + path)
        expected_status = 404 if name == "not-found" else 200
        if response.status != expected_status:
            problems.append(f"{name} {path}: HTTP {response.status}")
            continue
        if (lang := page.locator("html").get_attribute("lang")) != language:
            problems.append(f"{name}: <html lang={lang!r}>")
        if violations := axe_violations(page):
            problems.append(f"{name} {path}:\n{describe(violations)}")
        title = page.title()
        if name != "not-found":
            titles.setdefault(title, []).append(name)
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('skip-link')") is not True:
            problems.append(f"{name}: the first Tab does not reach the skip link")
        page.screenshot(path=str(ARTIFACTS / f"{name}-{language}-1280.png"), full_page=True)
        page.set_viewport_size({"width": 375, "height": 800})
        page.screenshot(path=str(ARTIFACTS / f"{name}-{language}-375.png"), full_page=True)
        page.set_viewport_size({"width": 320, "height": 800})
        overflow = page.evaluate("document.documentElement.scrollWidth")
        if overflow > 320:
            widest = page.evaluate(
                "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 321)"
                ".slice(-3).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
            )
            problems.append(f"{name}: content is {overflow}px wide at a 320px viewport (no reflow): {widest}")
        page.set_viewport_size({"width": 1280, "height": 900})
    duplicated = {title: names for title, names in titles.items() if len(names) > 1}
    if duplicated:
        problems.append(f"duplicate titles: {duplicated}")
    assert not problems, "\n".join(problems)
    assert not outside, f"requests left the site: {outside}"
    context.close()


def test_search_facets_are_reachable_with_the_keyboard(live_server, browser, tmp_path):
    with override_settings(MEDIA_ROOT=str(tmp_path / "media")):
        load_demo()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/search/?q=")
    reached = False
    for _ in range(150):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type === 'checkbox' && !!document.activeElement.closest('fieldset')"):
            reached = True
            break
    assert reached, "no facet checkbox reachable with Tab"
    label = page.evaluate(
        "(() => { const el = document.activeElement; return el.labels && el.labels.length ? el.labels[0].innerText : ''; })()"
    )
    assert re.search(r"\w", label), "the focused facet has no label"
    context.close()


def test_lab_map_shows_markers_without_tile_requests(live_server, browser, tmp_path):
    with override_settings(MEDIA_ROOT=str(tmp_path / "media")):
        load_demo()
        directory = LabIndexPage.objects.live().filter(locale__language_code="fr").first().url
        placed = LabPage.objects.live().filter(locale__language_code="fr", latitude__isnull=False).count()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    outside = []
    refuse_outside_requests(page, live_server.url, outside)
    page.goto(live_server.url + directory)
    page.wait_for_selector("#lab-map[data-ready]")
    assert int(page.get_attribute("#lab-map", "data-ready")) == placed > 0
    assert page.locator("#lab-map path.leaflet-interactive").count() == placed
    assert not outside, f"the map requested: {outside}"
    page.screenshot(path=str(ARTIFACTS / "lab-map-fr-1280.png"), full_page=True)
    context.close()
