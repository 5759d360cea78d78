"""Who is approved: a verified address on a public body's domain at once, anyone else by the
network team (notified by email). Decisions are emailed to the member, in their language."""

from django.db import transaction
from django.utils import timezone

from members.models import Member, PublicBodyDomain
from members.tasks import notify_network_team, send_decision


def is_public_body_address(email: str) -> bool:
    domain = email.rpartition("@")[2].strip().lower()
    if not domain:
        return False
    return any(pattern.matches(domain) for pattern in PublicBodyDomain.objects.all())


def member_for(user, language: str | None = None) -> Member:
    """The user's member profile, created (pending) if they had none: an editor who signs in on
    the site becomes a member too, keeping their admin account as it is."""
    defaults = {"name": user.get_full_name()}
    if language:
        defaults["language"] = language
    member, _created = Member.objects.get_or_create(user=user, defaults=defaults)
    return member


def on_email_confirmed(member: Member, email: str) -> None:
    """A newly verified address: approve a public body's member at once, else ask the network team."""
    if member.status != Member.Status.PENDING:
        return
    if is_public_body_address(email):
        member.status = Member.Status.APPROVED
        member.decided_at = timezone.now()
        member.save(update_fields=["status", "decided_at"])
        return
    transaction.on_commit(lambda: notify_network_team.enqueue(member.pk))


def decide(member: Member, status: str) -> bool:
    """Approve or refuse ``member``; the member is told by email. False if nothing changed."""
    if status not in (Member.Status.APPROVED, Member.Status.REFUSED) or member.status == status:
        return False
    member.status = status
    member.decided_at = timezone.now()
    member.save(update_fields=["status", "decided_at"])
    transaction.on_commit(lambda: send_decision.enqueue(member.pk))
    return True
