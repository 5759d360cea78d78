"""Members who transposed a practice answer its questions, shown as such."""

import pytest
from django.utils import timezone
from factories import MemberFactory, PlanFactory
from factories.discussions import QuestionFactory
from factories.transpositions import invite

from discussions.answerers import answering_role
from discussions.models import Post
from transpositions.models import Collaborator, Outcome, Plan

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "status, role, answers",
    [
        (Plan.Status.UNDER_WAY, Collaborator.Role.OWNER, True),
        (Plan.Status.DONE, Collaborator.Role.EDITOR, True),
        (Plan.Status.DONE, Collaborator.Role.READER, False),
        (Plan.Status.EXPLORING, Collaborator.Role.OWNER, False),
        (Plan.Status.PLANNED, Collaborator.Role.EDITOR, False),
        (Plan.Status.ABANDONED, Collaborator.Role.OWNER, False),
    ],
)
def test_owners_and_editors_of_plans_under_way_or_done_answer(practice, owner, status, role, answers):
    plan = PlanFactory(member=owner, practice=practice, status=status)
    member = owner if role == Collaborator.Role.OWNER else MemberFactory()
    if role != Collaborator.Role.OWNER:
        invite(plan, member, role)
    assert answering_role(practice, member) == (Post.Role.TRANSPOSER if answers else None)


def test_the_member_who_shared_an_approved_outcome_answers(practice):
    member = MemberFactory()
    outcome = Outcome.objects.create(
        practice=practice,
        practice_key=practice.translation_key,
        territory_name="Cantal",
        outcome="success",
        language="fr",
        submitted_by=member,
    )
    assert answering_role(practice, member) is None  # waiting for review
    outcome.review = Outcome.Review.APPROVED
    outcome.save()
    assert answering_role(practice, member) == Post.Role.TRANSPOSER


def test_a_transposer_answers_on_the_page_and_is_shown_as_one(client, practice, owner):
    PlanFactory(member=owner, practice=practice, status=Plan.Status.UNDER_WAY)
    question = QuestionFactory(practice=practice, body="Combien de chauffeurs ?")
    client.force_login(owner.user)
    response = client.post(f"/fr/questions/{question.pk}/answer/", {f"q{question.pk}-body": "Deux, à mi-temps."})
    assert response.status_code == 302
    answer = Post.objects.get(question=question)
    assert answer.author_role == Post.Role.TRANSPOSER
    if not answer.is_public:  # a new member's first post waits for the team
        Post.objects.filter(pk=answer.pk).update(status=Post.Status.PUBLISHED, published_at=timezone.now())
    html = client.get(practice.url).content.decode()
    assert "Deux, à mi-temps." in html and "a transposé cette pratique" in html
