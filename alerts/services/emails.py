"""The emails members get: one recipient each, in their language, with a one-click
unsubscribe link (a signed token, no sign-in) and RFC 8058's ``List-Unsubscribe`` headers."""

from dataclasses import dataclass

from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from members.models import Member

UNSUBSCRIBE_SALT = "alerts.unsubscribe"
UNSUBSCRIBE_MAX_AGE = 60 * 60 * 24 * 120  # seconds: an old email's link still works for four months


@dataclass(frozen=True)
class Recipient:
    """What an email needs of a member (read in bulk, without loading Member objects)."""

    pk: int
    email: str
    language: str
    name: str = ""


RECIPIENT_FIELDS = ("pk", "user__email", "language", "name")


def recipients(members) -> dict[int, Recipient]:
    """Approved members with notifications on, from a Member queryset, by pk."""
    rows = members.filter(status=Member.Status.APPROVED, email_notifications=True).values_list(*RECIPIENT_FIELDS)
    return {row[0]: Recipient(*row) for row in rows if row[1]}


def unsubscribe_token(member_pk: int) -> str:
    return signing.dumps({"m": member_pk}, salt=UNSUBSCRIBE_SALT)


def member_pk_from_token(token: str) -> int | None:
    """The member a token was made for; None when forged, altered or expired."""
    try:
        payload = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE)
    except (signing.BadSignature, ValueError, UnicodeError):
        return None
    member_pk = payload.get("m") if isinstance(payload, dict) else None
    return member_pk if isinstance(member_pk, int) else None


def site_root() -> str:
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_url if site else ""


def email_to(recipient: Recipient, subject, template, context: dict, *, root: str, connection=None) -> EmailMessage:
    """One email to one member, written in their language. ``template``: a loaded template."""
    with translation.override(recipient.language):
        url = root + reverse("alerts:unsubscribe", args=[unsubscribe_token(recipient.pk)])
        body = template.render({**context, "recipient": recipient, "unsubscribe_url": url})
        subject = str(subject)
    headers = {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return EmailMessage(subject, body, to=[recipient.email], headers=headers, connection=connection)


def template(name: str):
    return get_template(f"alerts/email/{name}.txt")
