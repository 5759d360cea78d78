"""Headless Chromium (Debian's package) driven by Playwright.

Playwright's sync API runs an event loop in the test thread; Django's ORM is
only used from that thread through fixtures, so async-unsafe calls are allowed.
"""

import os
import shutil
from pathlib import Path

import pytest

from praxis.services.site_setup import ensure_site
from taxonomy.seeds import ensure_vocabularies

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_CANDIDATES = [
    os.environ.get("PRAXIS_CHROMIUM", ""),
    "/usr/lib/chromium/chromium",
    shutil.which("chromium") or "",
]
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def chromium_path() -> str | None:
    for candidate in CHROMIUM_CANDIDATES:
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        message = "Chromium not found; install it with: sudo apt-get install -y chromium"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def live_home(transactional_db):
    """The site, for a live-server test. An earlier transactional test may have flushed the
    database, taking the seeded vocabularies with it: they are put back too."""
    ensure_vocabularies()
    return ensure_site()


@pytest.fixture
def screenshot(page):
    """Save a screenshot a person can look at (test-artifacts/, not committed)."""

    def take(name: str):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    return take
