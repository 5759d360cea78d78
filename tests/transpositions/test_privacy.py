"""Plans are seen by their collaborators only: no search, API, sitemap, feed, export, guessed
id, error page or shared cache shows one. A member's data download and erasure include them."""

import json
import uuid

import pytest
from django.test import Client
from factories import MemberFactory, PlanFactory
from factories.transpositions import invite

from members.data import erase_member, member_data
from transpositions.models import Collaborator, Plan, PlanChange

pytestmark = pytest.mark.django_db

SECRET = "Zéphyrine confidentielle"


@pytest.fixture
def plan(practice, owner):
    return PlanFactory(member=owner, practice=practice, title=SECRET, notes=f"{SECRET} : nos notes")


def plan_url(plan, suffix=""):
    return f"/fr/transpositions/plan/{plan.pk}/{suffix}"


@pytest.mark.parametrize(
    "url",
    [
        "/fr/search/?q=Zéphyrine",
        "/fr/search/suggest/?q=Zéphyrine",
        "/fr/search/feed/rss/",
        "/fr/search/feed/atom/",
        "/fr/search/export/csv/",
        "/api/v2/pages/?search=Zéphyrine",
        "/api/v2/pages/?limit=100",
        "/api/v2/questions/",
        "/sitemap.xml",
        "/sitemap-1.xml",
        "/opendata/practices.json",
        "/opendata/practices.csv",
    ],
)
def test_no_public_channel_shows_a_plan(client, plan, url):
    for reader in (client, signed_in(plan)):
        response = reader.get(url)
        raw = b"".join(response.streaming_content) if response.streaming else response.content
        body = raw.decode("utf-8", "replace")
        assert SECRET not in body and str(plan.pk) not in body, url


def signed_in(plan) -> Client:
    """The plan's owner: even they see no plan in public channels."""
    client = Client()
    client.force_login(plan.collaborators.get().member.user)
    return client


def test_other_members_pages_do_not_show_a_plan(client, plan, practice):
    client.force_login(MemberFactory().user)

    assert SECRET not in client.get("/fr/transpositions/").text
    assert SECRET not in client.get(practice.url).text
    assert SECRET not in client.get("/fr/members/account/").text


def test_guessed_sequential_and_malformed_ids_are_not_found_without_leaking(client, plan):
    client.force_login(MemberFactory().user)

    for plan_id in [str(plan.pk), "1", str(uuid.uuid4()), "not-a-uuid", "%00", "x" * 300]:
        response = client.get(f"/fr/transpositions/plan/{plan_id}/")
        assert response.status_code == 404, plan_id
        assert SECRET not in response.content.decode()
    for suffix in ["delete/", "territory/", "invite/", "leave/", "competence/"]:
        assert client.post(plan_url(plan, suffix)).status_code == 404
    assert Plan.objects.filter(pk=plan.pk).exists()


def test_anonymous_readers_are_sent_to_sign_in(client, plan):
    response = client.get(plan_url(plan))
    assert response.status_code == 302 and "/accounts/" in response["Location"]
    assert SECRET not in response.content.decode()


def test_every_plan_response_is_private_and_never_stored(client, plan, colleague):
    invite(plan, colleague, Collaborator.Role.READER)
    client.force_login(colleague.user)
    responses = {
        "page": client.get(plan_url(plan)),
        "list": client.get("/fr/transpositions/"),
        "refused": client.post(plan_url(plan, "delete/")),
        "not found": client.get("/fr/transpositions/plan/1/"),
        "anonymous": Client().get(plan_url(plan)),
    }
    assert [response.status_code for response in responses.values()] == [200, 200, 403, 404, 302]
    for name, response in responses.items():
        cache_control = response["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, name
        assert "public" not in cache_control and "s-maxage" not in cache_control, name


def test_the_data_download_has_owned_plans_in_full_and_roles_elsewhere(plan, owner, colleague, practice):
    theirs = PlanFactory(member=colleague, practice=practice, title="Le plan de Paul", notes="Privé à Paul")
    invite(theirs, owner, Collaborator.Role.READER)

    plans = json.loads(json.dumps(member_data(owner)))["transposition_plans"]

    assert {entry["title"]: entry["role"] for entry in plans} == {SECRET: "owner", "Le plan de Paul": "reader"}
    owned = next(entry for entry in plans if entry["role"] == "owner")
    assert owned["notes"].startswith(SECRET) and owned["core_elements"]
    assert "notes" not in next(entry for entry in plans if entry["role"] == "reader")


def test_erasure_passes_plans_to_the_longest_standing_editor_else_deletes_them(plan, owner, colleague, practice):
    alone = PlanFactory(member=owner, practice=practice, title="Seule")
    reader, editor = MemberFactory(name="Rita Reader"), MemberFactory(name="Eddy Editor")
    invite(plan, reader, Collaborator.Role.READER)
    invite(plan, editor, Collaborator.Role.EDITOR)
    invite(plan, colleague, Collaborator.Role.EDITOR)

    erase_member(owner)

    assert not Plan.objects.filter(pk=alone.pk).exists()
    assert Collaborator.objects.get(plan=plan, role=Collaborator.Role.OWNER).member == editor
    assert not Collaborator.objects.filter(member_id=owner.pk).exists()
    assert PlanChange.objects.get(plan=plan, kind=PlanChange.Kind.CREATED).member is None


def test_erasure_hands_a_plan_with_readers_only_to_the_first_reader(plan, owner):
    first, second = MemberFactory(), MemberFactory()
    invite(plan, first, Collaborator.Role.READER)
    invite(plan, second, Collaborator.Role.READER)

    erase_member(owner)

    assert Collaborator.objects.get(plan=plan, role=Collaborator.Role.OWNER).member == first
