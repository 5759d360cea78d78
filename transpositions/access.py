"""Who may do what with a plan: one place, used by every view, download and task.

A plan is found only through its collaborators: anyone else gets a 404 (the same answer as
for an id that does not exist), so a plan's existence is never revealed. A collaborator
whose role is not enough gets a 403 that says why.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from members.models import Member
from transpositions.models import Collaborator, Plan

Role = Collaborator.Role
RANK = {Role.READER: 1, Role.EDITOR: 2, Role.OWNER: 3}
REFUSALS = {
    Role.EDITOR: _("You were invited to read this plan, not to edit it."),
    Role.OWNER: _("Only the plan's owner may do this."),
}


def role_of(plan: Plan, member: Member | None) -> str | None:
    """``member``'s role on ``plan``, else None."""
    if member is None:
        return None
    cached = getattr(plan, "_roles", None)
    if cached is None:
        cached = plan._roles = {}
    if member.pk not in cached:
        cached[member.pk] = Collaborator.objects.filter(plan=plan, member=member).values_list("role", flat=True).first()
    return cached[member.pk]


def may(plan: Plan, member: Member | None, need: str = Role.READER) -> bool:
    role = role_of(plan, member)
    return role is not None and RANK[role] >= RANK[need]


def plan_for(member: Member | None, plan_id, need: str = Role.READER) -> Plan:
    """The plan ``plan_id`` if ``member`` holds at least the role ``need``.

    404 when the id is malformed or unknown, or the member is not a collaborator; 403 when
    they are one with a lesser role.
    """
    try:
        plan = Plan.objects.select_related("territory").get(pk=plan_id) if member else None
    except (Plan.DoesNotExist, ValidationError, ValueError):
        plan = None
    if plan is None or role_of(plan, member) is None:
        raise Http404(_("No plan here, or you were not invited to it."))
    if not may(plan, member, need):
        raise PermissionDenied(REFUSALS.get(need, ""))
    return plan
