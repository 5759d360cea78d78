"""Background work of transpositions (django_tasks): invitation emails and the 6- and 12-month
reminders."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from members.emails import absolute
from members.models import Member
from transpositions.models import Invitation
from transpositions.services.reminders import send_reminders
from transpositions.services.sharing import issue_secret


@task()
def send_transposition_reminders() -> int:
    """Remind owners of plans under way for 6 and 12 months (schedule it daily); emails sent."""
    return send_reminders().emails


def invitee_language(invitation: Invitation) -> str:
    """The invitee's language if they are a member, else the inviter's."""
    invitee = Member.objects.filter(user__email__iexact=invitation.email).only("language").first()
    if invitee is not None:
        return invitee.language
    return invitation.invited_by.language if invitation.invited_by else settings.LANGUAGE_CODE


@task()
def send_invitation(invitation_id: int) -> int:
    """Email a pending invitation with a secret made here: it is in the email only."""
    invitation = Invitation.objects.select_related("plan", "invited_by").filter(pk=invitation_id).first()
    if invitation is None or invitation.accepted_at is not None:
        return 0
    secret = issue_secret(invitation)
    if secret is None:
        return 0
    language = invitee_language(invitation)
    with translation.override(language):
        context = {
            "invitation": invitation,
            "inviter": invitation.invited_by,
            "plan": invitation.plan,
            "role": invitation.get_role_display(),
            "accept_url": absolute(reverse("transpositions:accept", args=[secret])),
            "days": settings.PRAXIS_PLAN_INVITATION_DAYS,
        }
        subject = render_to_string("transpositions/email/invitation_subject.txt", context)
        body = render_to_string("transpositions/email/invitation_body.txt", context)
    subject = "[Praxis] " + " ".join(subject.split())
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email]).send()
