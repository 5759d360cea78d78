"""Questions and answers end to end in Chromium: a member asks a question under a practice
(held: their first post), the network team approves it, the practice's contact is emailed,
follows the link, answers from the page, and the asker is emailed the answer; anonymous
readers then read both. The pages and forms pass axe in French and English."""

import re

import pytest
from browser.a11y import assert_accessible
from browser.conftest import ARTIFACTS
from browser.sessions import signed_in_tab
from django.core import mail
from factories import LabPageFactory, MemberFactory, PracticePageFactory, UserFactory
from factories.editorial import network_editor

from discussions.models import Post
from discussions.services import posting

pytestmark = pytest.mark.browser
CONTACT = "sante@ville-exemple.fr"


def path_of_link(message, fragment):
    return re.sub(r"^https?://[^/]+", "", next(w for w in message.body.split() if fragment in w))


def test_a_member_asks_the_contact_answers_and_the_asker_is_emailed(browser, live_server, live_home, settings):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    base = live_server.url
    practice = PracticePageFactory(
        parent=LabPageFactory(title="Labo santé"), title="Maisons de santé rurales", contact_email=CONTACT
    )
    asker = MemberFactory(name="Camille Durand", organisation="Ville de Lille", language="fr")
    contact = MemberFactory(name="Inès Martin", organisation="Ville exemple", user=UserFactory(email=CONTACT))
    mail.outbox = []

    page = signed_in_tab(browser, live_server, asker.user)
    page.goto(f"{base}{practice.url}")
    assert_accessible(page)
    page.get_by_label("Votre question").fill("Combien de médecins se sont installés <b>la première année</b> ?")
    with page.expect_navigation():
        page.get_by_role("button", name="Poser la question").click()
    assert "sera publié dès que l’équipe du réseau l’aura lu" in page.content()
    assert "Vous seul voyez cette question" in page.content()
    assert_accessible(page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "discussions-question-held.png"), full_page=True)
    question = Post.objects.get()
    assert question.status == Post.Status.PENDING and mail.outbox == []

    posting.decide(question, "approved", network_editor())  # the network team read it (admin: tests/discussions)
    [to_team] = mail.outbox
    assert to_team.to == [CONTACT] and "Combien de médecins" in to_team.body

    answering = signed_in_tab(browser, live_server, contact.user)
    answering.goto(base + path_of_link(to_team, "#question-"))
    assert "<b>la première année</b>" not in answering.content()  # shown as text, never as markup
    answering.get_by_label("Votre réponse").fill("Trois médecins et deux infirmières, en six mois.")
    assert_accessible(answering)
    with answering.expect_navigation():
        answering.get_by_role("button", name="Publier la réponse").click()
    assert "votre message est publié" in answering.content()
    answering.screenshot(path=str(ARTIFACTS / "discussions-answered.png"), full_page=True)

    to_asker = [message for message in mail.outbox if message.to == [asker.user.email]]
    assert len(to_asker) == 1
    assert to_asker[0].subject == "Votre question a une réponse"
    assert "Trois médecins et deux infirmières" in to_asker[0].body
    assert CONTACT not in to_asker[0].body
    assert "/alerts/unsubscribe/" in to_asker[0].body

    reader = browser.new_context(locale="fr-FR").new_page()
    reader.goto(f"{base}{practice.url}")
    text = reader.locator("#questions").inner_text()
    assert "Combien de médecins" in text and "Trois médecins" in text and "Inès Martin" in text
    assert "Connectez-vous pour poser une question" in text
    assert_accessible(reader)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_question_forms_are_accessible(browser, live_server, live_home, language):
    practice = PracticePageFactory(parent=LabPageFactory(), contact_email=CONTACT)
    asker = MemberFactory(language=language)
    contact = MemberFactory(user=UserFactory(email=CONTACT))
    question = posting.ask(practice, MemberFactory(), "Une question publiée ?")
    posting.decide(question, "approved", UserFactory())
    page = signed_in_tab(browser, live_server, asker.user, locale=f"{language}-FR")
    for path in (f"/{language}/questions/ask/{practice.pk}/", f"/{language}/questions/{question.pk}/report/"):
        page.goto(live_server.url + path)
        assert_accessible(page)
        page.locator("form.account-form button[type=submit]").click()  # empty: errors shown
        page.wait_for_load_state()
        assert page.locator(".errorlist").count() >= 1
        assert_accessible(page)
    answering = signed_in_tab(browser, live_server, contact.user, locale=f"{language}-FR")
    answering.goto(f"{live_server.url}/{language}/questions/{question.pk}/answer/")
    assert_accessible(answering)
