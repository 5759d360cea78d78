import pytest

pytestmark = pytest.mark.browser


def test_home_page_heading_in_chromium(live_server, live_home, page, screenshot):
    page.goto(f"{live_server.url}/")
    assert page.url == f"{live_server.url}/fr/"
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "Praxis"
    assert page.locator("html").get_attribute("lang") == "fr"
    screenshot("home-fr-1280")
