"""Saved search with immediate alerts, end to end in Chromium: a signed-in member saves a
faceted search, an editor publishes a matching practice, the task sends one email with
it, republishing sends nothing, and the unsubscribe link works without signing in.

The sign-in is the ``signed_in_page`` fixture (a session cookie from ``force_login``): the
accounts' full sign-up flow can take its place without touching the scenario.
"""

import re

import pytest
from browser.a11y import axe_violations, describe
from browser.conftest import ARTIFACTS
from django.conf import settings
from django.core import mail
from django.test import Client
from factories import MemberFactory, PolicyAreaFactory, PracticePageFactory

from alerts.models import SavedSearch

pytestmark = pytest.mark.browser


@pytest.fixture
def member(live_home):
    return MemberFactory(name="Camille", language="fr")


@pytest.fixture
def signed_in_page(browser, live_server, member):
    """A browser tab signed in as ``member``."""
    client = Client()
    client.force_login(member.user)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    tab = context.new_page()
    yield tab
    context.close()


def screenshot_of(page, name):
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def assert_accessible(page):
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_a_saved_search_alerts_once_and_unsubscribes_without_signing_in(live_server, browser, signed_in_page, member):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    area = PolicyAreaFactory(name="Lecture publique", slug="lecture-publique-alertes")
    base, page = live_server.url, signed_in_page

    page.goto(f"{base}/fr/search/?policy_area=lecture-publique-alertes&stage=experimentation")
    assert_accessible(page)
    page.get_by_label("Nom", exact=True).fill("Lecture, en expérimentation")
    page.get_by_label("immédiatement").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer cette recherche").click()
    assert page.url == f"{base}/fr/alerts/searches/"
    assert "Lecture, en expérimentation" in page.content()
    assert_accessible(page)
    screenshot_of(page, "alerts-saved-searches")
    search = SavedSearch.objects.get(member=member)
    assert (search.query, search.alert) == ("policy_area=lecture-publique-alertes&stage=experimentation", "immediate")

    mail.outbox.clear()
    practice = PracticePageFactory(title="Ludothèque hors les murs", policy_areas=[area])  # the editor publishes
    PracticePageFactory(title="Sans rapport")
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [member.user.email] and "Ludothèque hors les murs" in email.body

    practice.summary += " Une faute corrigée."
    practice.save_revision().publish()  # republished: nothing new to tell
    assert len(mail.outbox) == 1

    unsubscribe = re.sub(r"^<https?://[^/]+", base, email.extra_headers["List-Unsubscribe"]).rstrip(">")
    anonymous = browser.new_context(locale="fr-FR")
    try:
        tab = anonymous.new_page()
        tab.goto(unsubscribe)
        assert_accessible(tab)
        with tab.expect_navigation():
            tab.get_by_role("button", name="Me désabonner").click()
        assert tab.get_by_role("heading", level=1).inner_text() == "Vous êtes désabonné·e"
        tab.screenshot(path=str(ARTIFACTS / "alerts-unsubscribed.png"), full_page=True)
    finally:
        anonymous.close()
    member.refresh_from_db()
    assert not member.email_notifications

    PracticePageFactory(title="Autre ludothèque", policy_areas=[area])
    assert len(mail.outbox) == 1
