"""Saving a plan: only what changed, recorded in the history, never over someone else's save.

Each save names the ``version`` its form was loaded with. The update is conditional
(``UPDATE … WHERE version = <that version>``) and bumps the version, so of two simultaneous
saves from the same version exactly one wins; the other gets a ``Conflict`` saying who saved
meanwhile, when, and what they saved, and its input is shown again, not lost.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from members.models import Member
from transpositions.models import Plan, PlanChange
from transpositions.services import counts, starting


@dataclass
class Saved:
    changed: list[str]


@dataclass
class Conflict:
    plan: Plan  # as it is now
    by: Member | None  # who saved last
    at: object  # when
    differences: list[str] = field(default_factory=list)  # fields where the form and the plan now differ


def changed_fields(plan: Plan, values: dict) -> list[str]:
    return [name for name, value in values.items() if getattr(plan, name) != value]


def save_plan(plan: Plan, member: Member, version: int, values: dict) -> Saved | Conflict:
    """Write ``values`` (field -> value) edited from ``version`` of ``plan``, with its history."""
    changed = changed_fields(plan, values)
    if not changed:
        return Saved([])
    updates = {name: values[name] for name in changed}
    status_change = None
    if "status" in changed:
        status_change = f"{plan.get_status_display()} → {Plan.Status(values['status']).label}"
        if values["status"] == Plan.Status.UNDER_WAY:
            updates["under_way_since"] = timezone.localdate()
    with transaction.atomic():
        won = Plan.objects.filter(pk=plan.pk, version=version).update(
            **updates, version=F("version") + 1, updated_at=timezone.now()
        )
        if not won:
            return conflict(plan.pk, values)
        others = [name for name in changed if name != "status"]
        if others:
            PlanChange.objects.create(plan=plan, member=member, kind=PlanChange.Kind.EDITED, fields=others)
        if status_change:
            PlanChange.objects.create(
                plan=plan, member=member, kind=PlanChange.Kind.STATUS, fields=["status"], detail=status_change[:300]
            )
    if status_change:
        counts.changed(plan.practice_key)  # an update() sends no signal: the public counts are told here
    plan.refresh_from_db()
    return Saved(changed)


def conflict(plan_id, values: dict) -> Conflict:
    current = Plan.objects.get(pk=plan_id)
    last = current.changes.select_related("member").exclude(kind=PlanChange.Kind.CREATED).first()
    return Conflict(
        plan=current,
        by=last.member if last else None,
        at=last.at if last else current.updated_at,
        differences=changed_fields(current, values),
    )


def change_territory(plan: Plan, member: Member, territory) -> None:
    """A new reference territory: its population, the default ratio and assumption, the competence check."""
    population = territory.population
    ratio = starting.estimates.default_ratio(plan.source.get("population"), population)
    with transaction.atomic():
        Plan.objects.filter(pk=plan.pk).update(
            territory=territory,
            territory_name=territory.name,
            population=population,
            cost_ratio=ratio,
            estimate_assumption=starting.estimates.default_assumption(
                plan.source, population, ratio, plan.price_change
            ),
            competence=starting.competence_check(plan.source, territory),
            version=F("version") + 1,
            updated_at=timezone.now(),
        )
        PlanChange.objects.create(
            plan=plan,
            member=member,
            kind=PlanChange.Kind.EDITED,
            fields=["territory", "cost_ratio", "estimate_assumption", "competence"],
            detail=territory.name[:300],
        )
        counts.changed(plan.practice_key)  # counted once per territory
    plan.refresh_from_db()


def check_competence_again(plan: Plan, member: Member) -> bool:
    """Recompute the competence check; True when its result changed (then recorded)."""
    found = starting.competence_check(plan.source, plan.territory)
    if found == plan.competence:
        return False
    Plan.objects.filter(pk=plan.pk).update(competence=found, updated_at=timezone.now())
    PlanChange.objects.create(plan=plan, member=member, kind=PlanChange.Kind.EDITED, fields=["competence"])
    plan.competence = found
    return True
