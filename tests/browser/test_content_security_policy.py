"""The Content-Security-Policy in Chromium: the main page types render and their scripts run
(lab map, live search and suggestions, language switcher) with no violation reported, neither
as a ``securitypolicyviolation`` event nor in the console."""

import pytest
from django.test import override_settings

from demo.loader import load_demo
from labs.models import LabIndexPage, LabPage
from practices.models import PracticeIndexPage, PracticePage
from praxis.models import HomePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Recorded before any script of the page runs.
WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


def one(model, **filters):
    return model.objects.live().public().filter(locale__language_code="fr", **filters).first()


@pytest.fixture
def watched(page):
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(WATCH_VIOLATIONS)

    def violations():
        reported = page.evaluate("window.__cspViolations")
        return reported + [text for text in console if "Content Security Policy" in text]

    return page, violations


def test_main_pages_run_their_scripts_under_the_policy(live_server, watched, tmp_path):
    page, violations = watched
    with override_settings(MEDIA_ROOT=str(tmp_path / "media")):
        load_demo()
    base = live_server.url
    practice = one(PracticePage)
    pages = {
        "home": one(HomePage).url,
        "practice-index": one(PracticeIndexPage).url,
        "practice": practice.url,
        "lab": one(LabPage, latitude__isnull=False).url,
        "lab-directory": one(LabIndexPage).url,
    }
    for name, path in pages.items():
        response = page.goto(base + path)
        assert response.status == 200, name
        policy = response.headers["content-security-policy"]
        assert "unsafe-inline" not in policy and "script-src 'self'" in policy, name
        assert response.headers["permissions-policy"].startswith("accelerometer=()"), name
        page.wait_for_load_state("load")
        if page.locator("#lab-map").count():  # the map's script ran: markers placed
            page.wait_for_selector("#lab-map[data-ready]")
            assert int(page.locator("#lab-map").get_attribute("data-ready")) > 0, name
        assert violations() == [], name
    assert page.goto(base + pages["lab-directory"]) and page.locator("#lab-map[data-ready]").count() == 1

    # Search with its script: live results when a facet is ticked, suggestions while typing.
    page.goto(f"{base}/fr/search/?q=")
    with page.expect_response(lambda response: response.request.headers.get("x-praxis-partial") == "1"):
        page.locator("input[type=checkbox][name=country]").first.check()
    box = page.locator("#search-q")
    box.press_sequentially(practice.title.split()[0][:5], delay=30)
    page.get_by_role("option").first.wait_for()
    assert violations() == [], "search"

    # The language switcher.
    page.goto(base + practice.url)
    page.locator("nav.language-switcher").get_by_role("link", name="English").click()
    page.wait_for_url(f"{base}/en/**")
    assert page.locator("html").get_attribute("lang") == "en"
    assert violations() == [], "language switcher"
