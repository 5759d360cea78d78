"""The workspace through HTTP: start a plan from a practice, my plans, edit a plan, its history."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from factories import MemberFactory, PlanFactory
from factories.transpositions import invite, plan_form_data

from transpositions.models import Collaborator, Plan, PlanChange

pytestmark = pytest.mark.django_db


def plan_url(plan, suffix=""):
    return f"/fr/transpositions/plan/{plan.pk}/{suffix}"


def test_an_anonymous_reader_gets_a_sign_in_link_at_no_query(client, practice):
    client.get(practice.url)  # the public counts and the lineage are kept after a first reader
    with CaptureQueriesContext(connection) as queries:
        response = client.get(practice.url)

    assert response.status_code == 200
    assert "Se connecter pour lancer une transposition" in response.text
    assert "/fr/transpositions/start/" not in response.text
    assert not [query for query in queries.captured_queries if "transpositions_" in query["sql"]]


def test_a_member_starts_a_plan_from_the_practice_page(client, practice, owner):
    client.force_login(owner.user)
    page = client.get(practice.url)
    assert 'action="/fr/transpositions/start/"' in page.text

    response = client.post("/fr/transpositions/start/", {"practice": practice.pk})

    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == plan_url(plan)
    assert plan.collaborators.get().member == owner
    shown = client.get(plan_url(plan))
    assert shown.status_code == 200
    for text in ["Aller vers les habitants", "Un véhicule adapté", "Le recrutement des chauffeurs", "Puy-de-Dôme"]:
        assert text in shown.text
    assert "plan_note" not in shown.text  # the includes are rendered, not named


def test_a_member_with_a_plan_is_shown_it_and_may_start_another(client, practice, owner):
    plan = PlanFactory(member=owner, practice=practice)
    client.force_login(owner.user)

    assert plan_url(plan) in client.get(practice.url).text
    again = client.post("/fr/transpositions/start/", {"practice": practice.pk})
    assert again.status_code == 200 and plan_url(plan) in again.text and Plan.objects.count() == 1
    another = client.post("/fr/transpositions/start/", {"practice": practice.pk, "another": "1"})
    assert another.status_code == 302 and Plan.objects.count() == 2


def test_nothing_to_start_from_a_draft_or_by_get(client, practice, owner):
    client.force_login(owner.user)
    practice.unpublish()

    assert client.post("/fr/transpositions/start/", {"practice": practice.pk}).status_code == 404
    assert client.post("/fr/transpositions/start/", {"practice": "x"}).status_code == 404
    assert client.get("/fr/transpositions/start/").status_code == 405
    assert not Plan.objects.exists()


def test_not_approved_members_and_anonymous_readers_cannot_start(client, practice):
    response = client.post("/fr/transpositions/start/", {"practice": practice.pk})
    assert response.status_code == 302 and "/accounts/" in response["Location"]
    pending = MemberFactory(status="pending")
    client.force_login(pending.user)
    assert client.post("/fr/transpositions/start/", {"practice": practice.pk}).status_code == 403
    assert not Plan.objects.exists()


def test_my_transpositions_lists_my_plans_with_my_role(client, practice, owner, colleague):
    mine = PlanFactory(member=owner, practice=practice, title="Mon plan à moi")
    theirs = PlanFactory(member=colleague, practice=practice, title="Le plan de Paul")
    shared = PlanFactory(member=colleague, practice=practice, title="Plan partagé")
    invite(shared, owner, Collaborator.Role.READER)
    client.force_login(owner.user)

    response = client.get("/fr/transpositions/")

    assert mine.title in response.text and shared.title in response.text
    assert theirs.title not in response.text
    assert "Lecteur" in response.text and "Responsable" in response.text
    assert "Bibliothèque hors les murs" in response.text
    assert "/fr/transpositions/" in client.get("/fr/members/account/").text


def test_an_editor_saves_the_plan_and_the_history_names_the_fields(client, practice, owner, colleague):
    plan = PlanFactory(member=owner, practice=practice)
    invite(plan, colleague, Collaborator.Role.EDITOR)
    client.force_login(colleague.user)
    core = [dict(item, decision="change", why="Avec une camionnette") for item in plan.core_elements]
    milestones = [{"what": "Vote du conseil", "when": "mars", "who": "Claire"}]

    response = client.post(
        plan_url(plan), plan_form_data(plan, notes="Premier rendez-vous", core_elements=core, milestones=milestones)
    )

    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.notes == "Premier rendez-vous" and plan.version == 2
    assert plan.core_elements[0] == {
        "text": "Aller vers les habitants",
        "decision": "change",
        "why": "Avec une camionnette",
    }
    assert plan.milestones == milestones
    change = plan.changes.first()
    assert change.member == colleague and change.kind == PlanChange.Kind.EDITED
    assert set(change.fields) == {"notes", "core_elements", "milestones"}
    page = client.get(plan_url(plan))
    assert "Paul Colleague" in page.text and "Jalons" in page.text


def test_rows_are_added_and_removed(client, practice, owner):
    plan = PlanFactory(member=owner, practice=practice)
    client.force_login(owner.user)
    data = plan_form_data(plan)
    data["prerequisites-0-DELETE"] = "on"
    data["prerequisites-TOTAL_FORMS"] = 3
    data.update(
        {"prerequisites-2-text": "Un budget voté", "prerequisites-2-state": "in_place", "prerequisites-2-who": "DGS"}
    )

    assert client.post(plan_url(plan), data).status_code == 302
    plan.refresh_from_db()
    assert [(item["text"], item["state"], item["who"]) for item in plan.prerequisites] == [
        ("Une convention avec les écoles", "to_do", ""),
        ("Un budget voté", "in_place", "DGS"),
    ]


def test_the_status_moves_and_under_way_is_dated_and_abandoned_needs_why(client, practice, owner):
    plan = PlanFactory(member=owner, practice=practice)
    client.force_login(owner.user)

    assert client.post(plan_url(plan), plan_form_data(plan, status="under_way")).status_code == 302
    plan.refresh_from_db()
    assert plan.status == "under_way" and plan.under_way_since is not None
    assert plan.changes.first().kind == PlanChange.Kind.STATUS and "→" in plan.changes.first().detail

    refused = client.post(plan_url(plan), plan_form_data(plan, status="abandoned"))
    assert refused.status_code == 400 and "Dites pourquoi" in refused.text
    plan.refresh_from_db()
    assert plan.status == "under_way"
    assert (
        client.post(plan_url(plan), plan_form_data(plan, status="abandoned", status_reason="Pas de budget")).status_code
        == 302
    )
    plan.refresh_from_db()
    assert plan.status == "abandoned" and plan.status_reason == "Pas de budget"


def test_the_estimate_is_a_range_in_words_with_an_editable_ratio(client, practice, owner):
    plan = PlanFactory(member=owner, practice=practice)
    client.force_login(owner.user)

    client.post(
        plan_url(plan), plan_form_data(plan, cost_ratio="2", price_change="10", estimate_assumption="Deux fois plus")
    )
    plan.refresh_from_db()
    page = client.get(plan_url(plan)).text

    # 50k-200k € times 2 for the size and 1.1 for prices; 0.5-1 FTE times 2 (posts have no price)
    assert re.search(r"entre 110\s000\s€ et 440\s000\s€", page)  # rounded outwards
    assert "entre 1 et 2 équivalents temps plein" in page
    assert "Deux fois plus" in page


def test_the_source_box_says_when_the_practice_is_gone(client, practice, owner):
    plan = PlanFactory(member=owner, practice=practice)
    client.force_login(owner.user)

    live = client.get(plan_url(plan)).text
    assert f'href="{practice.url}"' in live and f"/fr/members/write/{practice.pk}/" in live
    assert "equipe@labo.fr" not in live
    practice.unpublish()
    unpublished = client.get(plan_url(plan)).text
    assert "n’est plus publiée" in unpublished or "plus publiée" in unpublished
    assert "/fr/members/write/" not in unpublished
    practice.delete()
    deleted = client.get(plan_url(plan)).text
    assert "supprimée" in deleted and "Bibliothèque hors les murs" in deleted


def test_the_territory_changes_and_the_competence_is_checked_again(client, practice, owner, reference):
    from territories.models import Level  # reason: only this test names a level

    plan = PlanFactory(member=owner, practice=practice)
    client.force_login(owner.user)
    commune = reference(Level.COMMUNE, "42218")

    response = client.post(plan_url(plan, "territory/"), {"territory": f"{commune.level}:{commune.code}"})

    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.territory == commune and plan.population == commune.population
    assert plan.competence.get("holds") is True
    assert "territory" in plan.changes.first().fields
    assert client.post(plan_url(plan, "competence/")).status_code == 302


def test_the_owner_deletes_the_plan_after_confirming(client, practice, owner, colleague):
    plan = PlanFactory(member=owner, practice=practice)
    invite(plan, colleague, Collaborator.Role.EDITOR)
    client.force_login(colleague.user)
    assert client.post(plan_url(plan, "delete/")).status_code == 403
    client.force_login(owner.user)

    assert "Supprimer" in client.get(plan_url(plan, "delete/")).text
    assert client.post(plan_url(plan, "delete/")).status_code == 302
    assert not Plan.objects.exists()
