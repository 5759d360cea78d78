"""A practice page in Chromium: the heading and the transposition sheet are visible."""

import pytest
from django.test import override_settings
from factories.showcase import showcase_practice

pytestmark = pytest.mark.browser


def test_practice_page_heading_and_transposition_sheet_in_chromium(live_server, live_home, page, screenshot, tmp_path):
    with override_settings(MEDIA_ROOT=str(tmp_path)):
        practice = showcase_practice(terms=3, labs=2, figures=4, docs=2, transpositions=2)
        page.goto(f"{live_server.url}{practice.url}")

        heading = page.get_by_role("heading", level=1)
        assert heading.inner_text() == practice.title
        assert heading.is_visible()

        sheet = page.locator("#transposition-sheet")
        assert sheet.is_visible()
        assert sheet.get_by_role("heading", level=2).is_visible()
        core = sheet.locator(".sheet__list--core li")
        assert core.all_inner_texts() == ["L'enquête avec les habitants"]
        assert core.first.is_visible()
        adaptable = sheet.locator(".sheet__list--adaptable li")
        assert adaptable.all_inner_texts() == ["Les horaires", "Le choix des animations"]
        # The sheet is laid out on screen, not collapsed to nothing.
        box = sheet.bounding_box()
        assert box is not None and box["height"] > 100 and box["width"] > 300
        screenshot("practice-transposition-sheet-fr-1280")
