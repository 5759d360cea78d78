"""A member's data, across apps: what "download my data" gathers and "delete my account" erases.

Apps above this one (alerts: saved searches, follows, selections) register their part from their
``AppConfig.ready()``:

- ``register_export(fn)``: ``fn(member) -> dict`` merged into the JSON a member downloads
  (one key per kind of data, e.g. ``{"saved_searches": [...]}``);
- ``register_erasure(fn)``: ``fn(member) -> None`` called inside the deletion's transaction,
  before the account goes: delete the member's private data, detach (set to NULL) what they
  wrote for others.
"""

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from members.models import Member

_exporters: list[Callable[[Member], dict]] = []
_erasers: list[Callable[[Member], None]] = []


def register_export(fn: Callable[[Member], dict]) -> Callable[[Member], dict]:
    if fn not in _exporters:
        _exporters.append(fn)
    return fn


def register_erasure(fn: Callable[[Member], None]) -> Callable[[Member], None]:
    if fn not in _erasers:
        _erasers.append(fn)
    return fn


def iso_date(value):
    """A date or time in a member's data download (ISO 8601), None when there is none."""
    return value.isoformat() if value else None


def member_data(member: Member) -> dict:
    """Everything Praxis keeps about ``member``, as JSON-ready data."""
    user = member.user
    data = {
        "account": {
            "email": user.email,
            "emails": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in user.emailaddress_set.order_by("email")
            ],
            "date_joined": iso_date(user.date_joined),
            "last_login": iso_date(user.last_login),
        },
        "profile": {
            "name": member.name,
            "organisation": member.organisation,
            "role": member.role,
            "territory_name": member.territory_name,
            "territory_code": member.territory_code,
            "language": member.language,
            "email_notifications": member.email_notifications,
            "status": member.status,
            "signed_up": iso_date(member.created_at),
            "decided_at": iso_date(member.decided_at),
        },
        "relayed_messages": [
            {
                "page": message.page_title,
                "subject": message.subject,
                "message": message.body,
                "sent_at": iso_date(message.sent_at),
                "answer": message.answer,
                "answered_at": iso_date(message.answered_at),
            }
            for message in member.relay_messages.order_by("sent_at")
        ],
        "exported_at": iso_date(timezone.now()),
    }
    for exporter in _exporters:
        data.update(exporter(member))
    return data


@transaction.atomic
def erase_member(member: Member) -> None:
    """Delete the account and the profile; what the member wrote for others stays, unattributed.
    An editor's account (admin access) stays: only their member profile goes.

    Relayed messages are a log the network team keeps: they lose their author (member set to
    NULL) and the member's name never was in them."""
    for eraser in _erasers:
        eraser(member)
    member.relay_messages.update(member=None)
    user = member.user
    member.delete()
    if keeps_account(user):
        return
    user.delete()  # allauth's email addresses and confirmations go with it (CASCADE)


def keeps_account(user) -> bool:
    """An editor's account stays when they leave as a member: the admin needs it."""
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")
