"""Asking, answering and moderating (services): who waits for approval, who may answer,
the rate limit, and the log of every decision."""

import pytest
from django.utils import timezone
from factories import MemberFactory
from factories.discussions import AnswerFactory, QuestionFactory
from factories.editorial import network_editor

from discussions import answerers
from discussions.models import ModerationEvent, Post
from discussions.services import posting

Action = ModerationEvent.Action


def test_a_new_members_first_post_waits_then_their_posts_are_published_at_once(practice, asker, committed):
    with committed():
        first = posting.ask(practice, asker, "Quel budget pour la première année ?")
    assert first.status == Post.Status.PENDING and first.published_at is None
    assert first.language == "fr"
    team = network_editor()
    posting.decide(first, Action.APPROVED, team)
    first.refresh_from_db()
    assert first.status == Post.Status.PUBLISHED and first.published_at is not None
    second = posting.ask(practice, asker, "Et la deuxième année ?")
    assert second.status == Post.Status.PUBLISHED
    actions = list(ModerationEvent.objects.order_by("pk").values_list("post_id", "action", "actor_id"))
    assert actions == [
        (first.pk, Action.HELD, asker.user_id),
        (first.pk, Action.APPROVED, team.pk),
        (second.pk, Action.PUBLISHED, asker.user_id),
    ]


def test_how_many_posts_are_held_is_a_setting(practice, asker, settings):
    settings.PRAXIS_DISCUSSIONS_HELD_UNTIL_APPROVED = 0
    assert posting.ask(practice, asker, "Une question sans attente ?").status == Post.Status.PUBLISHED
    settings.PRAXIS_DISCUSSIONS_HELD_UNTIL_APPROVED = 3  # one published so far: still held
    assert posting.ask(practice, asker, "Une question qui attend ?").status == Post.Status.PENDING


def test_the_practices_contact_and_its_labs_editors_answer_others_do_not(practice, contact, editor_member, asker):
    assert answerers.answering_role(practice, contact) == Post.Role.CONTACT
    assert answerers.answering_role(practice, editor_member) == Post.Role.EDITOR
    assert answerers.answering_role(practice, asker) is None
    assert answerers.answering_role(practice, None) is None
    contact.status = contact.Status.PENDING
    assert answerers.answering_role(practice, contact) is None  # not (or no longer) approved


def test_the_teams_answers_are_published_at_once(practice, contact):
    question = QuestionFactory(practice=practice)
    reply = posting.answer(question, contact, Post.Role.CONTACT, "Six mois.")
    assert reply.status == Post.Status.PUBLISHED and reply.author_role == Post.Role.CONTACT


def test_more_providers_of_answerers_can_be_registered(practice, asker, monkeypatch):
    """The extension point for members who transposed the practice (issue #14)."""
    monkeypatch.setattr(answerers, "_providers", list(answerers._providers))
    answerers.register_answerer(lambda page, member: Post.Role.TRANSPOSER if member.pk == asker.pk else None)
    assert answerers.answering_role(practice, asker) == Post.Role.TRANSPOSER


def test_a_member_writing_too_fast_must_wait(practice, asker, settings):
    settings.PRAXIS_DISCUSSIONS_POSTS_PER_MINUTE = 3
    for n in range(3):
        assert posting.waiting_time(asker) is None
        posting.ask(practice, asker, f"Question numéro {n} ?")
    assert posting.waiting_time(asker) == "minute"
    Post.objects.update(created_at="2020-01-01T00:00:00Z")
    assert posting.waiting_time(asker) is None
    settings.PRAXIS_DISCUSSIONS_POSTS_PER_DAY = 3
    Post.objects.update(created_at=timezone.now())
    settings.PRAXIS_DISCUSSIONS_POSTS_PER_MINUTE = 10
    assert posting.waiting_time(asker) == "day"


def test_reports_and_decisions_are_logged_with_their_reason(practice, asker, purged):
    question = QuestionFactory(practice=practice)
    answer = AnswerFactory(question=question)
    team = network_editor()
    posting.report(answer, asker.user, "Publicité")
    answer.refresh_from_db()
    assert answer.reported_at is not None and answer.is_public  # public until the team decides
    with pytest.raises(ValueError):
        posting.decide(answer, Action.HIDDEN, team, "  ")  # hiding needs a reason
    posting.decide(answer, Action.HIDDEN, team, "Publicité pour un cabinet")
    answer.refresh_from_db()
    assert answer.status == Post.Status.HIDDEN and answer.reported_at is None
    assert posting.possible_decisions(answer) == [Action.REMOVED, Action.RESTORED]
    with pytest.raises(ValueError):
        posting.decide(answer, Action.APPROVED, team)
    posting.decide(answer, Action.RESTORED, team)
    posting.decide(answer, Action.REMOVED, team, "Hors sujet")
    log = list(answer.events.order_by("pk").values_list("action", "reason"))
    assert log == [
        (Action.REPORTED, "Publicité"),
        (Action.HIDDEN, "Publicité pour un cabinet"),
        (Action.RESTORED, ""),
        (Action.REMOVED, "Hors sujet"),
    ]
    assert len(purged) == 3  # each change of what the public sees drops the page from Varnish


def test_a_hidden_question_hides_its_answers(practice):
    answer = AnswerFactory(question=QuestionFactory(practice=practice, status=Post.Status.HIDDEN))
    assert answer.is_public
    assert not Post.objects.public().filter(pk=answer.pk).exists()


def test_other_members_posts_do_not_count_towards_trust(practice, asker):
    QuestionFactory(practice=practice, author=MemberFactory())
    assert posting.is_held(asker, Post.Role.MEMBER)
