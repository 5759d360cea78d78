"""My account: the profile, the data download (with other apps' parts), deleting the account."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from factories import LabPageFactory, MemberFactory, UserFactory

from members import data
from members.models import Member, RelayMessage

pytestmark = pytest.mark.django_db


def profile(**changes):
    values = {
        "name": "Camille Martin",
        "organisation": "Ville de Lille",
        "role": "Cheffe de projet",
        "territory_name": "Lille",
        "territory_code": "59350",
        "language": "fr",
        "email_notifications": "on",
    }
    values.update(changes)
    return {key: value for key, value in values.items() if value is not None}


@pytest.fixture
def member(client, home):
    member = MemberFactory(user__email="camille@lille.fr")
    client.force_login(member.user)
    return member


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_account_page_shows_the_profile(client, member, language):
    response = client.get(f"/{language}/members/account/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "camille@lille.fr" in html
    assert 'name="territory_code"' in html and 'name="email_notifications"' in html
    assert response["Cache-Control"].startswith("max-age=0") or "private" in response["Cache-Control"]


def test_anonymous_readers_are_sent_to_sign_in(client, home):
    response = client.get("/en/members/account/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/members/account/"


def test_the_profile_is_saved_and_the_language_followed(client, member):
    response = client.post(
        "/fr/members/account/", profile(language="en", territory_code="2a004", email_notifications=None)
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/members/account/"
    member.refresh_from_db()
    assert member.language == "en"
    assert member.territory_code == "2A004"
    assert member.territory_name == "Lille"
    assert member.email_notifications is False


@pytest.mark.parametrize("code", ["5935", "593500", "2C004", "ABCDE", "59 35"])
def test_a_malformed_insee_code_is_a_form_error(client, member, code):
    response = client.post("/en/members/account/", profile(territory_code=code))
    assert response.status_code == 200
    assert response.context["form"].errors["territory_code"]  # too long, or the format's message
    if len(code) == 5:
        assert "INSEE code has five characters" in response.content.decode()
    member.refresh_from_db()
    assert member.territory_code == ""


def test_a_member_cannot_make_themselves_approved_or_staff(client, home):
    member = MemberFactory(status=Member.Status.PENDING)
    client.force_login(member.user)
    client.post("/en/members/account/", profile(status="approved", is_staff="on"))
    member.refresh_from_db()
    assert member.status == Member.Status.PENDING
    assert not member.user.is_staff


def test_download_all_my_data(client, member):
    EmailAddress.objects.create(user=member.user, email="camille@lille.fr", verified=True, primary=True)
    RelayMessage.objects.create(
        member=member, page_title="Un labo", recipient_kind="contact", subject="Bonjour", body="Une question"
    )

    def saved_searches(exported):
        return {"saved_searches": [{"owner": exported.pk}]}

    data.register_export(saved_searches)
    try:
        response = client.get("/fr/members/account/data.json")
    finally:
        data._exporters.remove(saved_searches)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="praxis-my-data-')
    exported = json.loads(response.content)
    assert exported["account"]["email"] == "camille@lille.fr"
    assert exported["account"]["emails"] == [{"email": "camille@lille.fr", "verified": True, "primary": True}]
    assert exported["profile"]["name"] == member.name
    assert exported["profile"]["status"] == "approved"
    assert exported["relayed_messages"][0]["message"] == "Une question"
    assert exported["saved_searches"] == [{"owner": member.pk}]  # another app's part, through the registry
    assert "password" not in response.content.decode()


def test_deleting_needs_the_password(client, member):
    response = client.post("/en/members/account/delete/", {"password": "wrong"})
    assert response.status_code == 200
    assert "This is not your password." in response.content.decode()
    assert Member.objects.filter(pk=member.pk).exists()


def test_deleting_the_account_erases_personal_data_and_keeps_what_was_written(client, member):
    user_pk = member.user.pk
    message = RelayMessage.objects.create(
        member=member, page_title="Un labo", recipient_kind="contact", subject="Bonjour", body="Une question"
    )
    erased = []
    data.register_erasure(lambda leaving: erased.append(leaving.pk))
    try:
        response = client.post("/en/members/account/delete/", {"password": "password"})
    finally:
        data._erasers.pop()
    assert response.status_code == 302
    assert response["Location"] == "/en/members/account/deleted/"
    assert erased == [member.pk]  # other apps erased their part first
    assert not Member.objects.filter(pk=member.pk).exists()
    assert not get_user_model().objects.filter(pk=user_pk).exists()
    assert not EmailAddress.objects.filter(user_id=user_pk).exists()
    message.refresh_from_db()
    assert message.member is None and message.body == "Une question"  # kept, unattributed
    assert client.get("/en/members/account/").status_code == 302  # signed out
    assert "Your account is deleted" in client.get(response["Location"]).content.decode()


def test_an_editor_leaving_as_a_member_keeps_their_admin_account(client, home):
    from factories.editorial import lab_editor  # reason: only this test needs an editor

    editor = lab_editor(LabPageFactory())
    member = MemberFactory(user=editor)
    client.force_login(editor)
    client.post("/fr/members/account/delete/", {"password": "password"})
    assert not Member.objects.filter(pk=member.pk).exists()
    assert get_user_model().objects.filter(pk=editor.pk).exists()


def test_an_editor_signed_in_through_the_admin_gets_a_member_profile(client, home):
    editor = UserFactory(email="redaction@paris.fr", is_staff=True)
    EmailAddress.objects.create(user=editor, email="redaction@paris.fr", verified=True, primary=True)
    client.force_login(editor)
    assert client.get("/fr/members/account/").status_code == 200
    assert Member.objects.get(user=editor).status == Member.Status.APPROVED  # a verified public body address


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_privacy_page_is_plain_and_linked_from_the_footer(client, home, language):
    response = client.get(f"/{language}/members/privacy/")
    assert response.status_code == 200
    assert f'href="/{language}/members/privacy/"' in client.get(f"/{language}/").content.decode()
    html = response.content.decode()
    assert ("How long" if language == "en" else "Combien de temps") in html
