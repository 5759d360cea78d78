"""Emails to a submission's authors, sent by the background worker in each author's language:
received, changes requested (with the reviewer's comment), published; and the invitation of a
co-author. Plain text: whatever a member typed is shown as typed, never as HTML."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from contributions.models import Submission
from members.emails import absolute
from members.models import Member


def send(template: str, member: Member, context: dict) -> int:
    if not member.email:
        return 0
    with translation.override(member.language):
        context = {**context, "member": member, "url": absolute(reverse("contributions:index"))}
        subject = render_to_string(f"contributions/email/{template}_subject.txt", context)
        body = render_to_string(f"contributions/email/{template}_body.txt", context)
    subject = "[Praxis] " + " ".join(subject.split())
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [member.email]).send()


def _submission(submission_id: int) -> Submission | None:
    return Submission.objects.select_related("member__user", "lab").filter(pk=submission_id).first()


@task()
def send_to_authors(submission_id: int, template: str, comment: str = "") -> int:
    """``template``: ``received``, ``changes_requested`` or ``published``."""
    submission = _submission(submission_id)
    if submission is None:
        return 0
    context = {"submission": submission, "title": submission.title, "comment": comment}
    if template == "published" and submission.page is not None:
        context["page_url"] = submission.page.full_url
    return sum(send(template, author, context) for author in submission.authors() if author.user.is_active)


@task()
def send_received_for_coauthor(submission_id: int, coauthor_id: int) -> int:
    submission = _submission(submission_id)
    coauthor = Member.objects.select_related("user").filter(pk=coauthor_id).first()
    if submission is None or coauthor is None:
        return 0
    context = {"submission": submission, "title": submission.title, "inviter": submission.member}
    return send("coauthor_invited", coauthor, context)
