"""One-click unsubscribe: a signed link, no sign-in; forged or expired links change nothing."""

import time

import pytest
from django.core import signing
from django.test import Client

from alerts.services.emails import UNSUBSCRIBE_MAX_AGE, UNSUBSCRIBE_SALT, unsubscribe_token

pytestmark = pytest.mark.django_db


def url(token):
    return f"/fr/alerts/unsubscribe/{token}/"


def test_the_link_asks_then_unsubscribes_without_signing_in(client, member, home):
    token = unsubscribe_token(member.pk)
    page = client.get(url(token))
    assert page.status_code == 200
    assert f'action="{url(token)}"' in page.content.decode()
    member.refresh_from_db()
    assert member.email_notifications  # a GET (a link scanner) changes nothing

    done = client.post(url(token))
    assert done.status_code == 200
    member.refresh_from_db()
    assert not member.email_notifications


def test_the_one_click_post_needs_no_csrf_token(member, home):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        url(unsubscribe_token(member.pk)),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    member.refresh_from_db()
    assert not member.email_notifications


@pytest.mark.parametrize(
    "token",
    [
        "forged",
        signing.dumps({"m": 1}, salt="another.salt"),
        signing.dumps({"m": "1"}, salt=UNSUBSCRIBE_SALT),
        signing.dumps([1], salt=UNSUBSCRIBE_SALT),
        "eyJtIjoxfQ:1xWz5q:" + "A" * 43,
        "%00",
    ],
)
def test_forged_links_are_refused_and_change_nothing(client, member, home, token):
    for method in (client.get, client.post):
        response = method(url(token))
        assert response.status_code == 400
        assert "ne fonctionne pas" in response.content.decode()
    member.refresh_from_db()
    assert member.email_notifications


def test_an_expired_link_is_refused(client, member, home, monkeypatch):
    real_time = time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() - UNSUBSCRIBE_MAX_AGE - 60)
    token = unsubscribe_token(member.pk)
    monkeypatch.undo()
    assert client.post(url(token)).status_code == 400
    member.refresh_from_db()
    assert member.email_notifications


def test_a_link_for_a_deleted_account_is_refused(client, member, home):
    token = unsubscribe_token(member.pk)
    member.user.delete()
    assert client.post(url(token)).status_code == 400
