"""A reader on a French practice switches to English in Chromium and stays in English."""

import pytest
from factories import PracticeIndexPageFactory, PracticePageFactory
from factories.translations import translate_page

pytestmark = pytest.mark.browser


def test_switching_a_practice_page_to_english(live_server, live_home, page, screenshot):
    index = PracticeIndexPageFactory(parent=live_home)
    translate_page(index, "en", title="Practices", slug="practices")
    french = PracticePageFactory(parent=index, title="Budget participatif des collégiens", slug="budget-participatif")
    english = translate_page(
        french, "en", title="Participatory budgeting in secondary schools", slug="participatory-budgeting"
    )

    page.goto(f"{live_server.url}{french.url}")
    assert page.locator("html").get_attribute("lang") == "fr"
    switcher = page.locator("nav.language-switcher")
    assert switcher.locator('a[aria-current="page"]').get_attribute("hreflang") == "fr"

    switcher.get_by_role("link", name="English").click()
    page.wait_for_url(f"{live_server.url}{english.url}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == english.title
    assert switcher.locator('a[aria-current="page"]').get_attribute("hreflang") == "en"
    screenshot("practice-switched-to-english-1280")

    # The choice is remembered: the site's root now opens in English for this French browser.
    page.goto(f"{live_server.url}/")
    assert page.url == f"{live_server.url}/en/"
