"""Hostile input in every field is a form error, never a 500; two collaborators saving at
once: the second is told, keeps its text, and nothing is silently lost."""

import re

import pytest
from django.test import Client
from factories import PlanFactory
from factories.transpositions import invite, plan_form_data

from transpositions.models import ITEMS_MAX, NOTES_MAX, TEXT_MAX, TITLE_MAX, Collaborator, Plan
from transpositions.services import editing

pytestmark = pytest.mark.django_db


def plan_url(plan, suffix=""):
    return f"/fr/transpositions/plan/{plan.pk}/{suffix}"


@pytest.fixture
def plan(practice, owner):
    return PlanFactory(member=owner, practice=practice)


@pytest.fixture
def editing_client(client, plan, owner):
    client.force_login(owner.user)
    return client


def row(text):
    return {"text": text, "decision": "keep", "why": ""}


REFUSED = {
    "NUL in the notes": {"notes": "a\x00b"},
    "NUL in the title": {"title": "a\x00b"},
    "a control character in the title": {"title": "a\x07b"},
    "a line break in the title": {"title": "a\nb"},
    "an oversized title": {"title": "t" * (TITLE_MAX + 1)},
    "oversized notes": {"notes": "n" * (NOTES_MAX + 1)},
    "an oversized assumption": {"estimate_assumption": "a" * (TEXT_MAX + 1)},
    "an unknown status": {"status": "stolen"},
    "a ratio that is no number": {"cost_ratio": "beaucoup"},
    "a negative ratio": {"cost_ratio": "-2"},
    "a huge ratio": {"cost_ratio": "1e30"},
    "no version": {"version": ""},
    "a version that is no number": {"version": "v2"},
    "NUL in a row": {"core_elements": [row("a\x00b")]},
    "a private-use character in a row": {"risks": [{"text": "\ue000", "mitigation": ""}]},
    "an oversized row": {"core_elements": [row("x" * (TEXT_MAX + 1))]},
    "an unknown decision": {"core_elements": [{"text": "a", "decision": "burn", "why": ""}]},
    "an unknown state": {"prerequisites": [{"text": "a", "state": "maybe", "who": "", "when": ""}]},
    "an oversized who": {"prerequisites": [{"text": "a", "state": "to_do", "who": "w" * 201, "when": ""}]},
    "a row without its text": {"milestones": [{"what": "", "when": "mars", "who": ""}]},
    "too many rows": {"risks": [{"text": f"r{index}", "mitigation": ""} for index in range(ITEMS_MAX + 1)]},
    "a forged row count": {"partners-TOTAL_FORMS": "100000"},
    "a missing management form": {"milestones-TOTAL_FORMS": None},
}


@pytest.mark.parametrize("name", REFUSED)
def test_hostile_input_is_a_form_error_and_nothing_is_saved(editing_client, plan, name):
    data = plan_form_data(plan, **REFUSED[name])
    data = {key: value for key, value in data.items() if value is not None}

    response = editing_client.post(plan_url(plan), data)

    assert response.status_code == 400, name
    assert 'role="alert"' in response.text
    saved = Plan.objects.get(pk=plan.pk)
    assert saved.version == plan.version and saved.notes == plan.notes and saved.risks == plan.risks


def test_markup_is_kept_as_text_and_shown_escaped(editing_client, plan, colleague):
    invite(plan, colleague, Collaborator.Role.READER)
    script = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    data = plan_form_data(plan, title=script, notes=script, partners=[{"name": script, "role": script}])

    assert editing_client.post(plan_url(plan), data).status_code == 302
    plan.refresh_from_db()
    assert plan.title == script and plan.partners == [{"name": script, "role": script}]
    for who in (editing_client, reader_client(colleague)):
        page = who.get(plan_url(plan)).text
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;" in page


def reader_client(member) -> Client:
    client = Client()
    client.force_login(member.user)
    return client


def test_hostile_invitations_and_territories_are_form_errors(editing_client, plan):
    for email in ["not an email", "a\x00@b.fr", "x" * 300 + "@b.fr"]:
        assert editing_client.post(plan_url(plan, "invite/"), {"email": email, "role": "editor"}).status_code == 400
    assert editing_client.post(plan_url(plan, "invite/"), {"email": "a@b.fr", "role": "owner"}).status_code == 400
    for typed in ["\x00", "x" * 500, "Nulle-part-sur-terre"]:
        assert editing_client.post(plan_url(plan, "territory/"), {"q": typed}).status_code == 400
    assert editing_client.post(plan_url(plan, "territory/"), {"territory": "commune:\x00"}).status_code == 400
    assert editing_client.post(plan_url(plan, "collaborator/999999/"), {"action": "remove"}).status_code == 404


def version_in(page: str) -> str:
    return re.search(r'name="version" value="(\d+)"', page).group(1)


def test_the_second_of_two_concurrent_saves_is_told_and_keeps_its_text(plan, owner, colleague):
    invite(plan, colleague, Collaborator.Role.EDITOR)
    first, second = reader_client(owner), reader_client(colleague)
    first_version = version_in(first.get(plan_url(plan)).text)
    second_version = version_in(second.get(plan_url(plan)).text)

    saved = first.post(plan_url(plan), plan_form_data(plan, version=first_version, notes="Texte de Claire"))
    told = second.post(plan_url(plan), plan_form_data(plan, version=second_version, notes="Texte de Paul"))

    assert saved.status_code == 302
    assert told.status_code == 409
    assert "Claire Owner" in told.text and "Texte de Claire" in told.text  # who saved, and what
    assert "Texte de Paul</textarea>" in told.text  # their own text, still in the form
    plan.refresh_from_db()
    assert plan.notes == "Texte de Claire" and plan.version == 2
    again = second.post(plan_url(plan), plan_form_data(plan, version=version_in(told.text), notes="Texte de Paul"))
    assert again.status_code == 302
    plan.refresh_from_db()
    assert plan.notes == "Texte de Paul" and plan.version == 3


def test_a_save_from_an_old_version_never_writes(plan, owner, colleague):
    values = {"notes": "Premier"}
    assert isinstance(editing.save_plan(plan, owner, 1, values), editing.Saved)
    stale = Plan.objects.get(pk=plan.pk)
    stale.version = 1  # as loaded before the first save

    result = editing.save_plan(stale, colleague, 1, {"notes": "Second"})

    assert isinstance(result, editing.Conflict) and result.by == owner and result.differences == ["notes"]
    assert Plan.objects.get(pk=plan.pk).notes == "Premier"
