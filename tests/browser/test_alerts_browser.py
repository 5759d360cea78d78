"""A member's whole way, end to end in Chromium: sign up, read the verification email, verify,
save a faceted search with immediate alerts; an editor publishes a matching practice, the task
sends one email with it, republishing sends nothing, and the unsubscribe link works without
signing in (a second publication then sends nothing either).
"""

import re

import pytest
from browser.a11y import assert_accessible
from browser.conftest import ARTIFACTS
from django.core import mail
from factories import PolicyAreaFactory, PracticePageFactory

from alerts.models import SavedSearch
from members.models import Member
from members.seeds import ensure_public_body_domains

pytestmark = pytest.mark.browser
EMAIL = "camille.alertes@valdoise.fr"  # a public body's domain: approved once verified
PASSWORD = "Lecture-publique-2026"  # noqa: S105


@pytest.fixture
def signed_in_page(browser, live_server, live_home, settings):
    """A browser tab of someone who has just signed up, verified their address and is signed in."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # links in emails point at the live server
    ensure_public_body_domains()  # an earlier transactional test may have flushed them
    mail.outbox = []
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    tab = context.new_page()
    tab.goto(f"{live_server.url}/fr/accounts/signup/")
    tab.fill("#id_email", EMAIL)
    tab.fill("#id_password1", PASSWORD)
    tab.fill("#id_password2", PASSWORD)
    tab.fill("#id_name", "Camille")
    tab.fill("#id_organisation", "Conseil départemental du Val-d'Oise")
    tab.locator("form.account-form button[type=submit]").click()
    tab.wait_for_url(re.compile(r"/accounts/confirm-email/$"))
    [verification] = mail.outbox
    link = next(word for word in verification.body.split() if "/accounts/confirm-email/" in word)
    tab.goto(re.sub(r"^https?://[^/]+", live_server.url, link))
    tab.locator("form.account-form button[type=submit]").click()
    tab.wait_for_url(re.compile(r"/fr/members/account/$"))
    yield tab
    context.close()


@pytest.fixture
def member(signed_in_page):
    member = Member.objects.get(user__email=EMAIL)
    assert member.is_approved
    return member


def screenshot_of(page, name):
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


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
