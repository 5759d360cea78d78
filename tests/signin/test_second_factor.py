"""Two-step verification in the admin: enforced for the network team, optional for editors."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from praxis.services.editorial import NETWORK_TEAM

ENROL = "/admin/signin/two-step/"
VERIFY = "/admin/signin/verify/"


@pytest.fixture(autouse=True)
def network_team_requires_it(settings):
    settings.PRAXIS_REQUIRE_2FA_GROUPS = [NETWORK_TEAM]


def code_of(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the user's app shows now (or ``steps_ahead`` periods later)."""
    device.refresh_from_db()
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=steps_ahead):06d}"


def wrong_code(device: TOTPDevice) -> str:
    right = {code_of(device, drift) for drift in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in right)


@pytest.fixture
def enrolled(team_member):
    device = TOTPDevice.objects.create(user=team_member, name="Authenticator app", confirmed=True)
    return device


def test_the_base_settings_require_it_of_the_network_team():
    from praxis.settings import base  # reason: the shipped default, not the test settings

    assert base.PRAXIS_REQUIRE_2FA_GROUPS == [NETWORK_TEAM]


def test_a_team_member_without_a_device_is_sent_to_set_one_up(client, team_member, sign_in):
    assert sign_in(client, "nadia").status_code == 302
    for url in ("/admin/", "/admin/pages/", "/admin/signin/lockouts/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(ENROL), url
    page = client.get(ENROL, HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html and "QR code to scan with your authenticator app" in html
    assert re.search(r"<code>([A-Z2-7]{4} ){3,}", html)  # the key, for typing by hand
    assert "accounts need a second step after the password" in html


def test_enrolment_takes_the_apps_code_and_gives_recovery_codes(client, team_member, sign_in):
    sign_in(client, "nadia")
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=team_member)
    assert not device.confirmed
    response = client.post(ENROL, {"code": code_of(device), "next": "/admin/pages/"})
    html = response.content.decode()
    assert response.status_code == 200
    codes = re.findall(r"<li><code>(\w+)</code></li>", html)
    assert len(codes) == 10
    assert set(codes) == set(StaticToken.objects.filter(device__user=team_member).values_list("token", flat=True))
    assert 'href="/admin/pages/"' in html
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def test_enrolment_refuses_a_wrong_code(client, team_member, sign_in):
    sign_in(client, "nadia")
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=team_member)
    refused = client.post(ENROL, {"code": wrong_code(device), "next": "/admin/"}, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 200 and "This code is not valid" in refused.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert not StaticToken.objects.filter(device__user=team_member).exists()
    assert client.get("/admin/").status_code == 302


def test_with_a_device_the_app_code_is_asked_after_the_password(client, enrolled, sign_in):
    sign_in(client, "nadia")
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2Fpages%2F"
    assert client.get(ENROL).status_code == 302  # no second device without the first
    answer = client.post(VERIFY, {"code": code_of(enrolled), "next": "/admin/pages/"})
    assert answer.status_code == 302 and answer["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_wrong_code_is_refused(client, enrolled, sign_in):
    sign_in(client, "nadia")
    refused = client.post(VERIFY, {"code": wrong_code(enrolled), "next": "/admin/"}, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 200
    assert "This code is not valid" in refused.content.decode()
    assert client.get("/admin/").status_code == 302
    assert client.post(VERIFY, {"code": "", "next": "/admin/"}).status_code == 200
    assert client.post(VERIFY, {"code": "\x00" * 20, "next": "/admin/"}).status_code == 200


def test_a_recovery_code_replaces_the_app_once(client, enrolled, team_member, sign_in):
    sign_in(client, "nadia")
    client.post(VERIFY, {"code": code_of(enrolled)})
    codes = re.findall(r"<li><code>(\w+)</code></li>", client.post("/admin/signin/recovery-codes/").content.decode())
    assert len(codes) == 10
    phone_lost = Client()
    sign_in(phone_lost, "nadia")
    assert phone_lost.post(VERIFY, {"code": codes[0], "next": "/admin/"})["Location"] == "/admin/"
    assert phone_lost.get("/admin/").status_code == 200
    again = Client()
    sign_in(again, "nadia")
    assert again.post(VERIFY, {"code": codes[0]}).status_code == 200  # used up
    assert again.get("/admin/").status_code == 302


def test_the_next_page_stays_on_the_site(client, enrolled, sign_in):
    sign_in(client, "nadia")
    answer = client.post(VERIFY, {"code": code_of(enrolled), "next": "https://evil.example/"})
    assert answer["Location"] == "/admin/"


def test_an_editor_without_a_device_gets_in_when_not_enforced(client, editor, sign_in):
    assert sign_in(client, "alice").status_code == 302
    assert client.get("/admin/").status_code == 200
    account = client.get("/admin/account/").content.decode()
    assert ENROL in account  # may set it up


def test_an_editor_who_set_it_up_is_asked_for_it(client, editor, sign_in):
    device = TOTPDevice.objects.create(user=editor, name="Authenticator app", confirmed=True)
    sign_in(client, "alice")
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    client.post(VERIFY, {"code": code_of(device)})
    assert client.get("/admin/").status_code == 200


def test_public_pages_do_not_ask_for_it(client, team_member, sign_in, home):
    sign_in(client, "nadia")
    assert client.get(home.url).status_code == 200


def test_reset_two_step_removes_a_users_devices(enrolled, team_member, client, sign_in):
    call_command("reset_two_step", "nadia", stdout=StringIO())
    assert not TOTPDevice.objects.filter(user=team_member).exists()
    sign_in(client, "nadia")
    assert client.get("/admin/")["Location"].startswith(ENROL)  # sets it up again
    with pytest.raises(CommandError):
        call_command("reset_two_step", "nobody")
