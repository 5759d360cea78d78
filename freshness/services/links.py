"""The signed one-click links of a reminder email: "still accurate" and "needs an update".

A link names the practice (translation key), the reminder round (its nonce: answering
replaces it, so each link works once), the person it was sent to and the answer. It is
checked when used, in this order: a broken or altered signature is a 400, an expired one a
410, another practice's link a 403, an answered round a 410, and a person who is no longer
the practice's owner (nor of the network team) a 403.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.urls import reverse

from freshness.models import Reminder

SALT = "freshness.answer"
ANSWERS = (Reminder.Answer.ACCURATE, Reminder.Answer.UPDATE)


class LinkRefused(Exception):
    """Why a link cannot be used: ``status`` is the HTTP status, ``reason`` names the page."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class Answer:
    translation_key: str
    nonce: str
    identity: str
    answer: str


def max_age() -> int:
    return settings.PRAXIS_FRESHNESS_LINK_DAYS * 24 * 60 * 60


def answer_token(reminder: Reminder, identity: str, answer: str) -> str:
    payload = {"k": str(reminder.translation_key), "n": reminder.nonce, "w": identity, "a": str(answer)}
    return signing.dumps(payload, salt=SALT, compress=True)


def answer_path(page_pk: int, token: str) -> str:
    return reverse("freshness:answer", args=[page_pk, token])


def read_token(token: str) -> Answer:
    """The answer a token carries, or ``LinkRefused`` (400 broken, 410 expired)."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=max_age())
    except signing.SignatureExpired as error:
        raise LinkRefused(410, "expired") from error
    except (signing.BadSignature, ValueError, UnicodeError, TypeError) as error:
        raise LinkRefused(400, "broken") from error
    if not isinstance(payload, dict):
        raise LinkRefused(400, "broken")
    values = [payload.get(name) for name in ("k", "n", "w", "a")]
    if not all(isinstance(value, str) and value for value in values) or values[3] not in ANSWERS:
        raise LinkRefused(400, "broken")
    return Answer(*values)
