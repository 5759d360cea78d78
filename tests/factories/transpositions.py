import factory

from factories.members import MemberFactory
from factories.practices import PracticePageFactory
from transpositions.forms import LISTS, PlanForm
from transpositions.models import Collaborator, Plan
from transpositions.services.starting import start_plan


def transposable_practice(parent, **fields):
    """A practice under ``parent`` with everything a plan is filled in from: a library that
    goes out to the hamlets of Saint-Étienne (budget, staff time, competence, core and
    adaptable elements, prerequisites, challenges)."""
    defaults = {
        "title": "Bibliothèque hors les murs",
        "territory_name": "Saint-Étienne",
        "population": 170_000,
        "start_year": 2019,
        "budget_range": "50k-200k",
        "staff_time": "0.5-1",
        "legal_competence": "commune",
        "core_elements": "Aller vers les habitants\nDes bibliothécaires formés",
        "adaptable_elements": "Le véhicule\nLes horaires",
        "prerequisites": "Un véhicule adapté",
        "challenges": "<ul><li>Le recrutement des chauffeurs</li></ul>",
    }
    return PracticePageFactory(parent=parent, **{**defaults, **fields})


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


def plan_form_data(plan: Plan, **changes) -> dict:
    """What the plan page's form posts for ``plan`` as it is now, with ``changes`` (field -> value;
    a list field takes a list of item dicts)."""
    data = {name: getattr(plan, name) for name in PlanForm.FIELDS}
    data = {name: "" if value is None else value for name, value in data.items()} | {"version": plan.version}
    for name in LISTS:
        items = changes.pop(name, getattr(plan, name))
        data[f"{name}-TOTAL_FORMS"] = len(items)
        data[f"{name}-INITIAL_FORMS"] = min(len(items), len(getattr(plan, name)))
        data[f"{name}-MIN_NUM_FORMS"] = 0
        data[f"{name}-MAX_NUM_FORMS"] = 1000
        for index, item in enumerate(items):
            for key, value in item.items():
                data[f"{name}-{index}-{key}"] = value
    data.update(changes)
    return data
