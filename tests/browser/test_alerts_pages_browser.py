"""What a member keeps, seen in Chromium in French and English: saved searches, selections,
a selection's page, a practice page with its follow and selection buttons, and the one-click
unsubscribe page; every page passes axe (WCAG 2.1 A/AA) and is in the reader's language."""

import pytest
from allauth.account.models import EmailAddress
from browser.a11y import axe_violations, describe
from factories import MemberFactory, PracticePageFactory, UserFactory

from alerts.models import Follow, SavedSearch, Selection, SelectionItem
from alerts.services.emails import unsubscribe_token

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
HEADINGS = {
    "fr": {
        "searches": "Mes recherches enregistrées",
        "selections": "Mes sélections",
        "unsubscribe": "Ne plus recevoir",
    },
    "en": {"searches": "My saved searches", "selections": "My selections", "unsubscribe": "Stop the alert emails"},
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_members_pages_of_alerts_are_accessible_in_both_languages(language, live_server, live_home, browser):
    user = UserFactory(username="agent.alertes", email="agent.alertes@valdoise.fr")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    member = MemberFactory(user=user, language=language)
    practice = PracticePageFactory(title="Ludothèque hors les murs")
    SavedSearch.objects.create(member=member, name="Lecture publique", language=language, query="q=lecture")
    selection = Selection.objects.create(member=member, name="Pour le conseil")
    SelectionItem.objects.create(selection=selection, page=practice)
    Follow.objects.create(member=member, translation_key=practice.translation_key)

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=f"{language}-FR")
    page = context.new_page()
    base, problems = live_server.url, []
    try:
        page.goto(f"{base}/{language}/accounts/login/")
        page.fill("#id_login", user.email)
        page.fill("#id_password", "password")
        with page.expect_navigation():
            page.locator("form.account-form button[type=submit]").click()
        for path, expected in [
            (f"/{language}/alerts/searches/", HEADINGS[language]["searches"]),
            (f"/{language}/alerts/selections/", HEADINGS[language]["selections"]),
            (f"/{language}/alerts/selections/{selection.pk}/", "Pour le conseil"),
            (f"/{language}/alerts/unsubscribe/{unsubscribe_token(member.pk)}/", HEADINGS[language]["unsubscribe"]),
        ]:
            page.goto(base + path)
            assert page.evaluate("document.documentElement.lang") == language
            assert expected in page.locator("h1").inner_text(), (path, page.locator("h1").inner_text())
            if violations := axe_violations(page):
                problems.append(f"{path}:\n{describe(violations)}")
        assert "Lecture publique" in page.goto(f"{base}/{language}/alerts/searches/").text()
    finally:
        context.close()
    assert problems == [], "\n".join(problems)
