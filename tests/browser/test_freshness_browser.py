"""The pages a reminder's links open, in Chromium, in French and in English: the
confirmation page, the thank-you page and the refused-link page pass axe (WCAG 2.1 AA)."""

import re

import pytest
from browser.a11y import axe_violations, describe
from django.core import mail
from django.utils import timezone
from factories import LabPageFactory, MemberFactory
from factories.editorial import lab_editor
from factories.freshness import StalePracticeFactory

from freshness.services.reminders import send_reminders
from practices.models import PracticePage

pytestmark = pytest.mark.browser


def answer_links(email) -> list[str]:
    return [link for link in re.findall(r"https?://\S+", email.body) if "/answer/" in link]


def check(page, url, *, language, heading):
    page.goto(url)
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").inner_text() == heading
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_the_answer_pages_are_accessible_in_french_and_english(browser, live_server, live_home, settings):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    lab = LabPageFactory(title="Lab Ouest")
    lab_editor(lab, email="edith@lab-ouest.fr", first_name="Édith")
    member = MemberFactory(name="Jo", language="en")
    member.user.email = "jo@ville.example"
    member.user.save(update_fields=["email"])
    french = StalePracticeFactory(parent=lab, title="Cantine bio")
    english = StalePracticeFactory(parent=lab, title="Vélo-école", contact_email="jo@ville.example")
    mail.outbox = []
    send_reminders(now=timezone.now())
    by_recipient = {
        email.to[0]: [re.sub(r"^https?://[^/]+", live_server.url, link) for link in answer_links(email)]
        for email in mail.outbox
    }

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    try:
        accurate_fr = by_recipient["edith@lab-ouest.fr"][0]
        assert "/fr/freshness/" in accurate_fr
        check(page, accurate_fr, language="fr", heading="Cette pratique est toujours exacte")
        page.get_by_role("button", name="Confirmer : toujours exacte").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Merci : la pratique est marquée comme vérifiée"
        assert axe_violations(page) == []
        assert PracticePage.objects.get(pk=french.pk).last_verified == timezone.localdate()
        check(page, accurate_fr, language="fr", heading="Ce lien ne fonctionne pas")  # used: 410

        accurate_en, update_en = by_recipient["jo@ville.example"]
        assert "/en/freshness/" in accurate_en
        check(page, update_en, language="en", heading="This practice needs an update")
        check(page, accurate_en, language="en", heading="This practice is still accurate")
        page.get_by_role("button", name="Confirm: still accurate").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Thank you: the practice is marked verified"
        assert axe_violations(page) == []
        assert PracticePage.objects.get(pk=english.pk).last_verified == timezone.localdate()
        check(page, update_en, language="en", heading="This link does not work")
    finally:
        context.close()
