"""Starting a plan: a private copy of the practice, every list filled in from it."""

import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from factories import MemberFactory, PlanFactory
from factories.transpositions import invite

from transpositions.access import plan_for
from transpositions.models import Collaborator, Plan, PlanChange
from transpositions.services import estimates

pytestmark = pytest.mark.django_db


def test_a_plan_is_filled_in_from_the_practice(practice, owner):
    plan = PlanFactory(member=owner, practice=practice)

    assert isinstance(plan.pk, uuid.UUID)
    assert plan.practice_key == practice.translation_key
    assert plan.title.startswith("Bibliothèque hors les murs") and plan.title.endswith("Puy-de-Dôme")
    assert [item["text"] for item in plan.core_elements] == ["Aller vers les habitants", "Des bibliothécaires formés"]
    assert all(item["decision"] == "" for item in plan.core_elements)
    assert [item["text"] for item in plan.adaptable_elements] == ["Le véhicule", "Les horaires"]
    assert [(item["text"], item["state"]) for item in plan.prerequisites] == [
        ("Un véhicule adapté", Plan.Readiness.TO_DO),
        ("Une convention avec les écoles", Plan.Readiness.TO_DO),
    ]
    assert [item["text"] for item in plan.risks] == ["Le recrutement des chauffeurs", "L'hiver"]
    assert plan.status == Plan.Status.EXPLORING
    assert plan.language == "fr"
    assert plan.collaborators.get().role == Collaborator.Role.OWNER
    assert plan.changes.get().kind == PlanChange.Kind.CREATED


def test_the_copy_keeps_the_practice_without_its_contact_email(practice, owner):
    plan = PlanFactory(member=owner, practice=practice)
    practice.delete()
    plan.refresh_from_db()

    assert plan.practice is None
    assert plan.source["title"] == "Bibliothèque hors les murs"
    assert plan.source["budget_range"] == "50k-200k"
    assert "equipe@labo.fr" not in str(plan.source)


def test_the_competence_check_is_made_for_the_members_territory(practice, owner):
    plan = PlanFactory(member=owner, practice=practice)

    assert plan.competence["holds"] is False
    assert plan.competence["territory"] == "Puy-de-Dôme"
    assert plan.competence["message"]


def test_the_budget_is_rescaled_by_population_and_never_more_precise(practice, owner):
    plan = PlanFactory(member=owner, practice=practice)

    ratio = plan.population / 170_000
    assert float(plan.cost_ratio) == pytest.approx(ratio, rel=1e-3)
    factor = float(plan.cost_ratio) * (1 + float(plan.price_change) / 100)
    budget = estimates.budget(plan)
    assert budget.low <= 50_000 * factor and budget.high >= 200_000 * factor
    assert len(str(int(budget.low)).rstrip("0")) <= 2 and len(str(int(budget.high)).rstrip("0")) <= 2
    assert "170" in plan.estimate_assumption


def test_without_populations_the_same_size_is_assumed(practice):
    member = MemberFactory(territory=None, territory_name="Quelque part")
    plan = PlanFactory(member=member, practice=practice)

    assert plan.cost_ratio is None and plan.competence == {}
    # 2019 prices raised to the last year of the data: 2020 to 2024 compounded, 14.9 %
    assert plan.price_change == Decimal("14.9")
    assert (estimates.budget(plan).low, estimates.budget(plan).high) == (57_000, 230_000)
    assert (estimates.staff(plan).low, estimates.staff(plan).high) == (0.5, 1)  # posts have no price
    assert "2019" in plan.estimate_assumption and "14.9 %" in plan.estimate_assumption


def test_the_price_change_compounds_the_years_after_the_sources(practice):
    assert estimates.default_price_change(None) is None
    assert estimates.default_price_change(2024) == Decimal("0.0")  # nothing listed after it
    assert estimates.default_price_change(2021) == Decimal("12.6")  # 5.2, 4.9, 2.0 compounded
    practice.start_year = None
    practice.save()
    assert PlanFactory(practice=practice).price_change is None


def test_only_collaborators_find_a_plan_and_readers_cannot_edit(practice, owner, colleague):
    plan = PlanFactory(member=owner, practice=practice)
    stranger = MemberFactory()

    assert plan_for(owner, plan.pk, Collaborator.Role.OWNER) == plan
    for who, plan_id in [(stranger, plan.pk), (None, plan.pk), (owner, uuid.uuid4()), (owner, "1"), (owner, "x\x00")]:
        with pytest.raises(Http404):
            plan_for(who, plan_id)
    invite(plan, colleague, Collaborator.Role.READER)
    assert plan_for(colleague, str(plan.pk)) == plan
    with pytest.raises(PermissionDenied):
        plan_for(colleague, plan.pk, Collaborator.Role.EDITOR)


@pytest.mark.parametrize(
    ("value", "up", "expected"),
    [(440_000.00000000006, True, 440_000), (439_999, True, 440_000), (441_000, True, 450_000), (1_234, False, 1_200)],
)
def test_estimates_are_rounded_outwards_to_two_figures_not_by_float_noise(value, up, expected):
    assert estimates.round_out(value, up=up) == expected
