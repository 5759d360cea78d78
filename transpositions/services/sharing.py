"""Who works on a plan: invitations by email, roles, removals, passing ownership.

An invitation's secret is sent by email only; the database keeps its sha256, so reading the
database is not enough to join a plan. Every action is a line of the plan's history.
"""

import hashlib
import secrets
from datetime import timedelta
from enum import Enum

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Member
from transpositions.models import Collaborator, Invitation, Plan, PlanChange

Role = Collaborator.Role


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def record(plan: Plan, member: Member | None, kind: str, detail: str = "") -> None:
    PlanChange.objects.create(plan=plan, member=member, kind=kind, detail=detail[:300])


def may_invite(member: Member) -> bool:
    """Invitations are emails to any address: a member sends a limited number a day."""
    since = timezone.now() - timedelta(days=1)
    return (
        Invitation.objects.filter(invited_by=member, created_at__gte=since).count()
        < settings.PRAXIS_PLAN_INVITATIONS_PER_DAY
    )


@transaction.atomic
def invite(plan: Plan, by: Member, email: str, role: str) -> Invitation:
    """A new invitation (replacing a pending one to the same address). Its secret is made by
    the task that emails it (``issue_secret``): until then the stored hash is of a secret
    nobody kept, and the secret never sits in the task queue's rows."""
    plan.invitations.filter(email__iexact=email, accepted_at__isnull=True).delete()
    unused = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(plan=plan, email=email, role=role, token_hash=digest(unused), invited_by=by)
    record(plan, by, PlanChange.Kind.INVITED, str(Role(role).label))
    return invitation


def issue_secret(invitation: Invitation) -> str | None:
    """A new secret for a pending invitation (the one its email carries; an earlier one stops
    working), else None (accepted or revoked meanwhile)."""
    secret = secrets.token_urlsafe(32)
    issued = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(token_hash=digest(secret))
    return secret if issued else None


class Refusal(Enum):
    """Why an invitation link does not open (value: the HTTP status the page answers with)."""

    FORGED = ("forged", 404)
    USED = ("used", 410)
    EXPIRED = ("expired", 410)
    OTHER_ADDRESS = ("other_address", 403)

    @property
    def status(self) -> int:
        return self.value[1]


def expires_at(invitation: Invitation):
    return invitation.created_at + timedelta(days=settings.PRAXIS_PLAN_INVITATION_DAYS)


def find_invitation(secret: str, member: Member) -> tuple[Invitation | None, Refusal | None]:
    """The invitation ``secret`` opens for ``member``, else why not."""
    invitation = Invitation.objects.select_related("plan").filter(token_hash=digest(secret or "")).first()
    if invitation is None:
        return None, Refusal.FORGED
    if invitation.accepted_at is not None:
        return invitation, Refusal.USED
    if timezone.now() >= expires_at(invitation):
        return invitation, Refusal.EXPIRED
    if invitation.email.casefold() != (member.user.email or "").casefold():
        return invitation, Refusal.OTHER_ADDRESS
    return invitation, None


@transaction.atomic
def accept(invitation: Invitation, member: Member) -> Collaborator:
    """``member`` joins the plan (an existing collaborator keeps their role)."""
    taken = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(accepted_at=timezone.now())
    collaborator, created = Collaborator.objects.get_or_create(
        plan=invitation.plan, member=member, defaults={"role": invitation.role}
    )
    if created and taken:
        record(invitation.plan, member, PlanChange.Kind.JOINED, str(collaborator.get_role_display()))
    return collaborator


@transaction.atomic
def revoke(plan: Plan, by: Member, invitation: Invitation) -> None:
    invitation.delete()
    record(plan, by, PlanChange.Kind.REMOVED, _("a pending invitation"))


def _role_detail(collaborator: Collaborator, old: str, new: str) -> str:
    return f"{collaborator.member.name}: {Role(old).label} → {Role(new).label}"


@transaction.atomic
def change_role(plan: Plan, by: Member, collaborator: Collaborator, role: str) -> None:
    if collaborator.role == Role.OWNER or role == collaborator.role:
        return
    old, collaborator.role = collaborator.role, role
    collaborator.save(update_fields=["role"])
    record(plan, by, PlanChange.Kind.ROLE, _role_detail(collaborator, old, role))


@transaction.atomic
def make_owner(plan: Plan, by: Member | None, collaborator: Collaborator) -> None:
    """``collaborator`` becomes the owner; the former owner (if any) becomes an editor."""
    for former in plan.collaborators.select_related("member").filter(role=Role.OWNER).exclude(pk=collaborator.pk):
        former.role = Role.EDITOR
        former.save(update_fields=["role"])
        record(plan, by, PlanChange.Kind.ROLE, _role_detail(former, Role.OWNER, Role.EDITOR))
    old, collaborator.role = collaborator.role, Role.OWNER
    collaborator.save(update_fields=["role"])
    record(plan, by, PlanChange.Kind.ROLE, _role_detail(collaborator, old, Role.OWNER))


@transaction.atomic
def remove(plan: Plan, by: Member, collaborator: Collaborator) -> None:
    """Access ends at once. The owner is never removed: ownership passes first."""
    if collaborator.role == Role.OWNER:
        raise ValueError("The owner cannot be removed.")
    collaborator.delete()
    record(plan, by, PlanChange.Kind.REMOVED, collaborator.member.name)


def successor(plan: Plan, leaving: Member) -> Collaborator | None:
    """Who takes the plan over: the longest-standing editor, else reader."""
    others = plan.collaborators.exclude(member=leaving).select_related("member")
    for role in (Role.EDITOR, Role.READER):
        found = others.filter(role=role).order_by("added_at", "pk").first()
        if found:
            return found
    return None
