"""The emails a public question or answer sends (the worker runs them after the commit):
the practice's team, the asker, the followers; in each recipient's language, plain text,
with a one-click unsubscribe that works."""

from factories import MemberFactory, PracticePageFactory, UserFactory
from factories.discussions import QuestionFactory
from factories.editorial import lab_editor
from factories.translations import translate_page
from mail_helpers import link_to

from alerts.models import Follow
from discussions.models import Post, TeamOptOut
from discussions.services import posting

HOSTILE = '<script>alert("x")</script> Et le budget ?'


def by_recipient(outbox) -> dict:
    return {message.to[0]: message for message in outbox}


def test_a_question_tells_the_team_and_the_followers_not_its_author(practice, asker, contact, outbox, committed):
    follower = MemberFactory(name="Léa Suiveuse", language="fr")
    Follow.objects.create(member=follower, translation_key=practice.translation_key)
    Follow.objects.create(member=asker, translation_key=practice.translation_key)
    asker_trusted = QuestionFactory(practice=practice, author=asker, status=Post.Status.PUBLISHED)
    assert asker_trusted.published_at
    with committed():
        posting.ask(practice, asker, HOSTILE)
    sent = by_recipient(outbox)
    assert set(sent) == {contact.user.email, follower.user.email}
    team = sent[contact.user.email]
    assert team.subject == "Une question sur votre pratique"
    assert HOSTILE in team.body  # plain text: shown as typed, never interpreted
    assert not getattr(team, "alternatives", None) and team.content_subtype == "plain"
    assert "Camille Durand, Ville de Lille" in team.body
    assert asker.user.email not in team.body
    assert f"#question-{Post.objects.latest('pk').pk}" in team.body
    assert team.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "suivez" in sent[follower.user.email].body


def test_a_held_question_tells_nobody_until_approved(practice, asker, contact, outbox, committed):
    with committed():
        question = posting.ask(practice, asker, "Une première question ?")
    assert outbox == []
    with committed():
        posting.decide(question, "approved", UserFactory())
    assert [message.to for message in outbox] == [[contact.user.email]]


def test_the_asker_is_told_of_an_answer_in_their_language(practice, contact, outbox, committed):
    asker = MemberFactory(language="en", name="Sam")
    question = QuestionFactory(practice=practice, author=asker, body="How long did it take?")
    with committed():
        posting.answer(question, contact, Post.Role.CONTACT, "Six mois.")
    [message] = outbox
    assert message.to == [asker.user.email]
    assert message.subject == "Your question has an answer"
    assert "Six mois." in message.body and "How long did it take?" in message.body
    assert "Inès Contact" in message.body and contact.user.email not in message.body


def test_members_who_turned_emails_off_or_unsubscribe_get_none(client, practice, contact, outbox, committed):
    asker = MemberFactory(email_notifications=False)
    question = QuestionFactory(practice=practice, author=asker)
    with committed():
        posting.answer(question, contact, Post.Role.CONTACT, "Réponse.")
    assert outbox == []
    asker.email_notifications = True
    asker.save()
    with committed():
        posting.answer(question, contact, Post.Role.CONTACT, "Autre réponse.")
    [message] = outbox
    link = link_to(message, "/alerts/unsubscribe/")
    assert message.extra_headers["List-Unsubscribe"].endswith(f"{link}>")
    assert client.post(link).status_code == 200  # one click, no sign-in
    asker.refresh_from_db()
    assert asker.email_notifications is False


def test_a_team_address_that_is_no_member_unsubscribes_from_question_notices(client, lab, asker, outbox, committed):
    practice = PracticePageFactory(parent=lab, contact_email="personne@mairie.fr")
    QuestionFactory(practice=practice, author=asker)  # trusted now
    with committed():
        posting.ask(practice, asker, "Une question ?")
    [message] = outbox
    assert message.to == ["personne@mairie.fr"]
    link = link_to(message, "/questions/unsubscribe/")
    assert client.get(link).status_code == 200
    assert client.post(link).status_code == 200
    assert TeamOptOut.objects.filter(email="personne@mairie.fr").exists()
    outbox.clear()
    with committed():
        posting.ask(practice, asker, "Une autre question ?")
    assert outbox == []
    forged = link.replace("/unsubscribe/", "/unsubscribe/x")
    assert client.post(forged).status_code == 400


def test_without_a_contact_the_labs_editors_are_told(lab, asker, outbox, committed):
    practice = PracticePageFactory(parent=lab, contact_email="")
    editor = lab_editor(lab, email="editrice@labo.fr")
    QuestionFactory(practice=practice, author=asker)
    with committed():
        posting.ask(practice, asker, "Une question pour l'équipe ?")
    assert [message.to for message in outbox] == [[editor.email]]


def test_followers_hear_of_the_version_they_read(practice, asker, outbox, committed):
    """An English reader hears of the French page's questions while there is no English
    version; once there is one, of the English page's questions only."""
    reader = MemberFactory(language="en")
    Follow.objects.create(member=reader, translation_key=practice.translation_key)
    QuestionFactory(practice=practice, author=asker)  # the asker is trusted
    with committed():
        posting.ask(practice, asker, "Une question en français ?")
    assert [m.subject for m in outbox if m.to == [reader.user.email]] == ["A new question about a practice you follow"]
    english = translate_page(practice, "en", title="Rural health centres")
    outbox.clear()
    with committed():
        posting.ask(practice, asker, "Encore une question en français ?")
        posting.ask(english, asker, "A question in English?")
    to_reader = [m for m in outbox if m.to == [reader.user.email]]
    assert len(to_reader) == 1 and "A question in English?" in to_reader[0].body
