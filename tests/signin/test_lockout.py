"""Repeated sign-in failures lock a username out from that address; the network team unlocks."""

import pytest
from axes.models import AccessAttempt
from django.test import Client

LOGIN = "/admin/login/"
LIMIT = 5  # AXES_FAILURE_LIMIT's default (SIGNIN_FAILURE_LIMIT)


@pytest.fixture
def locked_out(client, editor, sign_in):
    for _attempt in range(LIMIT - 1):
        response = sign_in(client, "alice", "wrong")
        assert response.status_code == 200  # the form again, with its error
    return sign_in(client, "alice", "wrong")


def test_failures_lock_the_account_out_with_a_clear_page(locked_out, settings):
    assert settings.AXES_FAILURE_LIMIT == LIMIT
    assert locked_out.status_code == 429
    html = locked_out.content.decode()
    assert "Sign-in locked" in html
    assert f"after {LIMIT} failed attempts" in html
    assert "Try again in 30 minutes" in html
    assert "wagtailadmin" in html  # the admin's design (its stylesheets)


def test_the_right_password_is_refused_while_locked_out(locked_out, client, sign_in):
    response = sign_in(client, "alice", "password")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still signed out


def test_the_lock_out_page_is_in_french_for_french_browsers(locked_out, client):
    response = client.post(
        LOGIN, {"username": "alice", "password": "password"}, REMOTE_ADDR="192.0.2.10", HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert response.status_code == 429
    assert "Connexion bloquée" in response.content.decode()


def test_other_users_and_other_addresses_are_not_affected(locked_out, team_member, sign_in):
    other_user = Client()
    assert sign_in(other_user, "nadia").status_code == 302
    assert other_user.get("/admin/").status_code == 200
    same_user_elsewhere = Client()
    assert sign_in(same_user_elsewhere, "alice", address="198.51.100.7").status_code == 302


def test_the_network_team_sees_and_lifts_the_lock_out(locked_out, client, team_member, sign_in):
    team = Client()
    team.force_login(team_member)
    listing = team.get("/admin/signin/lockouts/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "alice" in html and "192.0.2.10" in html
    attempt = AccessAttempt.objects.get(username="alice")
    response = team.post(f"/admin/signin/lockouts/{attempt.pk}/unlock/", follow=True)
    assert "alice may sign in again from 192.0.2.10." in response.content.decode()
    assert "No sign-in is locked out." in response.content.decode()
    assert sign_in(client, "alice", "password").status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_settings_menu_shows_lock_outs_to_the_network_team_only(client, team_member, editor):
    client.force_login(team_member)
    assert "/admin/signin/lockouts/" in client.get("/admin/").content.decode()
    client.force_login(editor)
    assert "/admin/signin/lockouts/" not in client.get("/admin/").content.decode()


def test_editors_can_neither_list_nor_lift_lock_outs(locked_out, editor, team_member, sign_in):
    intruder = Client()
    sign_in(intruder, "nadia", "wrong", address="203.0.113.9")  # one failure, not locked
    intruder.force_login(editor)
    assert intruder.get("/admin/signin/lockouts/").status_code == 403
    attempt = AccessAttempt.objects.get(username="alice")
    assert intruder.post(f"/admin/signin/lockouts/{attempt.pk}/unlock/").status_code == 403
    assert AccessAttempt.objects.filter(username="alice").exists()


def test_a_success_clears_the_earlier_failures(client, editor, sign_in):
    for _attempt in range(LIMIT - 1):
        sign_in(client, "alice", "wrong")
    assert sign_in(client, "alice", "password").status_code == 302
    client.logout()
    for _attempt in range(LIMIT - 1):
        assert sign_in(client, "alice", "wrong").status_code == 200
    assert sign_in(client, "alice", "password").status_code == 302


def test_behind_a_proxy_the_clients_address_counts(client, editor, settings):
    settings.PRAXIS_TRUSTED_PROXIES = 1

    def attempt(forwarded, password="wrong"):  # noqa: S107 (a wrong password)
        return client.post(
            LOGIN,
            {"username": "alice", "password": password},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    for _attempt in range(LIMIT):
        attempt("1.2.3.4, 192.0.2.10")  # the first entry is the client's to forge: ignored
    assert AccessAttempt.objects.get(username="alice").ip_address == "192.0.2.10"
    assert attempt("192.0.2.10", "password").status_code == 429
    assert attempt("198.51.100.7", "password").status_code == 302  # another client, same proxy
