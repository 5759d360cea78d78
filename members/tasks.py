"""Emails sent by the background worker: the network team told of a member to review, the member
told of the decision, a relayed message and its answer."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from members import relay
from members.emails import absolute, send
from members.models import Member, RelayMessage
from praxis.services.editorial import NETWORK_TEAM


@task()
def notify_network_team(member_id: int) -> int:
    member = Member.objects.select_related("user").filter(pk=member_id).first()
    if member is None or member.status != Member.Status.PENDING:
        return 0
    team = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=NETWORK_TEAM)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    context = {"member": member, "review_url": absolute(reverse("member_review:edit", args=[member.pk]))}
    return sum(send("member_to_review", [email], context, settings.LANGUAGE_CODE) for email in team)


@task()
def send_decision(member_id: int) -> int:
    member = Member.objects.select_related("user").filter(pk=member_id).first()
    if member is None or member.status == Member.Status.PENDING:
        return 0
    with translation.override(member.language):
        account_url = absolute(reverse("members:account"))
    template = "member_approved" if member.is_approved else "member_refused"
    return send(template, [member.email], {"member": member, "account_url": account_url}, member.language)


@task()
def send_relay(message_id: int) -> int:
    """The member's message to each recipient of the page, with a signed link to answer it."""
    message = RelayMessage.objects.select_related("member__user", "page").filter(pk=message_id).first()
    if message is None or message.page is None or message.member is None:
        return 0
    page = message.page.specific
    language = page.locale.language_code
    sent = 0
    for email in relay.recipients(page):
        with translation.override(language):
            answer_url = absolute(reverse("members:relay_answer", args=[relay.answer_token(message, email)]))
        context = {"message": message, "member": message.member, "page_url": page.full_url, "answer_url": answer_url}
        sent += send("relay_message", [email], context, language)
    return sent


@task()
def send_relay_answer(message_id: int, team_email: str) -> int:
    """The team's answer to the member, Reply-To the team's address: the thread goes on by email."""
    message = RelayMessage.objects.select_related("member__user").filter(pk=message_id).first()
    if message is None or message.member is None:
        return 0
    member = message.member
    return send("relay_answer", [member.email], {"message": message, "member": member}, member.language, [team_email])
