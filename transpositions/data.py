"""A member's plans in their data download; on erasure, what they alone own goes, the rest
passes on (registered from ``TranspositionsConfig.ready()``)."""

from members.data import iso_date
from members.models import Member
from transpositions.models import Collaborator, Plan, PlanChange
from transpositions.services import sharing

CONTENT = [
    "title",
    "status",
    "status_reason",
    "territory_name",
    "population",
    "core_elements",
    "adaptable_elements",
    "prerequisites",
    "competence",
    "estimate_assumption",
    "risks",
    "milestones",
    "partners",
    "notes",
]


def export(member: Member) -> dict:
    """Plans the member owns, in full; for the others, their role only."""
    plans = []
    for collaborator in Collaborator.objects.filter(member=member).select_related("plan").order_by("added_at"):
        plan = collaborator.plan
        entry = {"title": plan.title, "role": collaborator.role, "joined": iso_date(collaborator.added_at)}
        if collaborator.role == Collaborator.Role.OWNER:
            entry.update({name: getattr(plan, name) for name in CONTENT})
            entry.update(
                {
                    "built_from": plan.source_title,
                    "cost_ratio": str(plan.cost_ratio) if plan.cost_ratio is not None else None,
                    "price_change": str(plan.price_change) if plan.price_change is not None else None,
                    "under_way_since": iso_date(plan.under_way_since),
                    "started": iso_date(plan.created_at),
                }
            )
        plans.append(entry)
    return {"transposition_plans": plans}


def erase(member: Member) -> None:
    """Plans they own pass to the longest-standing editor, else reader; alone, they are deleted.
    Their lines of history stay, anonymous."""
    for collaborator in Collaborator.objects.filter(member=member, role=Collaborator.Role.OWNER).select_related("plan"):
        plan = collaborator.plan
        heir = sharing.successor(plan, member)
        if heir is None:
            plan.delete()
        else:
            sharing.make_owner(plan, None, heir)
    Collaborator.objects.filter(member=member).delete()
    PlanChange.objects.filter(member=member).update(member=None)
    Plan.objects.filter(created_by=member).update(created_by=None)
