import factory

from factories.members import MemberFactory
from factories.practices import PracticePageFactory
from transpositions.models import Collaborator, Plan
from transpositions.services.starting import start_plan


class PlanFactory(factory.Factory):
    """A plan started from a practice by its owner (``member``), as the "start" button does."""

    member = factory.SubFactory(MemberFactory)
    practice = factory.SubFactory(PracticePageFactory)
    territory = None

    class Meta:
        model = Plan

    @classmethod
    def _create(cls, model_class, member, practice, territory=None, **fields):
        plan = start_plan(member, practice, territory)
        if fields:
            for name, value in fields.items():
                setattr(plan, name, value)
            plan.save()
        return plan


def invite(plan: Plan, member, role: str = Collaborator.Role.EDITOR) -> Collaborator:
    """``member`` joins ``plan`` with ``role`` (as accepting an invitation does)."""
    return Collaborator.objects.create(plan=plan, member=member, role=role)
