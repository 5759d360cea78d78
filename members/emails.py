"""Emails of the members app, rendered in the reader's language from templates/members/email/."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send(template: str, to: list[str], context: dict, language: str, reply_to: list[str] | None = None) -> int:
    """``members/email/<template>_subject.txt`` and ``_body.txt``, in ``language``; one message
    per call (``to`` see each other: callers pass one address, or a team)."""
    if not to:
        return 0
    with translation.override(language):
        subject = render_to_string(f"members/email/{template}_subject.txt", context)
        body = render_to_string(f"members/email/{template}_body.txt", context)
    subject = "[Praxis] " + " ".join(subject.split())  # one line, whatever the template
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to, reply_to=reply_to or None)
    return message.send()
