"""Sign-up, verification, sign-in, passwords through django-allauth's pages, in French and English."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import RequestFactory
from factories import MemberFactory, UserFactory
from mail_helpers import link_to

from members.models import Member

pytestmark = pytest.mark.django_db
PASSWORD = "Vraiment-solide-42"


@pytest.mark.parametrize(
    ("language", "heading"),
    [("fr", "Créer votre compte de membre"), ("en", "Create your member account")],
)
def test_the_sign_up_page_speaks_the_readers_language(client, home, language, heading):
    response = client.get(f"/{language}/accounts/signup/")
    html = response.content.decode()
    assert response.status_code == 200
    assert heading in html
    assert f'<html lang="{language}"' in html
    assert f'href="/{language}/members/privacy/"' in html  # the privacy page, before signing up
    assert 'class="site-header"' in html  # the site's layout, not allauth's bare page


def test_signing_up_verifies_the_address_then_signs_in(client, home, sign_up, mailoutbox):
    response = sign_up("camille.martin@lille.fr")
    user = get_user_model().objects.get(email="camille.martin@lille.fr")
    assert response.status_code == 302
    assert response["Location"] == "/fr/members/account/"
    assert EmailAddress.objects.get(user=user).verified
    assert user.username  # allauth filled it; members sign in with their email
    member = user.member
    assert member.name == "Camille Martin"
    assert member.organisation == "Ville de Lille"
    assert member.language == "fr"
    assert not user.is_staff and not user.is_superuser and not user.groups.exists()
    assert "Confirmez" in mailoutbox[0].subject or "Confirm" in mailoutbox[0].subject
    account = client.get("/fr/members/account/")
    assert account.status_code == 200
    assert "camille.martin@lille.fr" in account.content.decode()


def test_an_unverified_address_cannot_sign_in(client, home, mailoutbox):
    client.post(
        "/en/accounts/signup/",
        {"email": "someone@example.com", "password1": PASSWORD, "password2": PASSWORD, "name": "Someone"},
    )
    client.logout()
    response = client.post("/en/accounts/login/", {"login": "someone@example.com", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert client.get("/en/members/account/").status_code == 302  # still signed out
    assert len(mailoutbox) == 1  # not sent again within 3 minutes (ACCOUNT_RATE_LIMITS confirm_email)


def test_a_forged_confirmation_key_is_refused(client, home):
    response = client.get("/fr/accounts/confirm-email/forged-key/")
    assert response.status_code == 200
    assert "expiré ou n'est pas valide" in response.content.decode() or "invalide" in response.content.decode()
    assert client.post("/fr/accounts/confirm-email/forged-key/").status_code in (200, 404)
    assert not EmailAddress.objects.filter(verified=True).exists()


def test_sign_up_with_a_line_break_in_the_name_is_a_form_error(client, home, mailoutbox):
    response = client.post(
        "/fr/accounts/signup/",
        {"email": "a@paris.fr", "password1": PASSWORD, "password2": PASSWORD, "name": "Eve\r\nBcc: x@y.z"},
    )
    assert response.status_code == 200
    assert "une seule ligne" in response.content.decode()
    assert not get_user_model().objects.filter(email="a@paris.fr").exists()
    assert mailoutbox == []


def test_weak_passwords_are_refused(client, home):
    response = client.post(
        "/en/accounts/signup/",
        {"email": "a@paris.fr", "password1": "password", "password2": "password", "name": "A"},
    )
    assert response.status_code == 200
    assert "too common" in response.content.decode()
    assert not get_user_model().objects.filter(email="a@paris.fr").exists()


def test_an_editor_signing_up_with_their_address_keeps_one_account(client, home, mailoutbox):
    editor = UserFactory(username="editrice", email="editrice@example.org", is_staff=True)
    response = client.post(
        "/fr/accounts/signup/",
        {"email": "editrice@example.org", "password1": PASSWORD, "password2": PASSWORD, "name": "Éditrice"},
    )
    assert response.status_code == 302
    assert get_user_model().objects.filter(email__iexact="editrice@example.org").count() == 1
    assert [message.to for message in mailoutbox] == [["editrice@example.org"]]  # told they have an account
    # Signing in with their email and admin password verifies the address, then makes them a member.
    assert "mot de passe" in mailoutbox[0].body  # pointed to the password reset, not to a second account
    cache.clear()  # three minutes later: one confirmation email per address per 3 minutes (rate limit)
    response = client.post("/fr/accounts/login/", {"login": "editrice@example.org", "password": "password"})
    assert response["Location"] == "/fr/accounts/confirm-email/"
    client.post(link_to(mailoutbox[-1], "/accounts/confirm-email/"))
    editor.refresh_from_db()
    assert editor.is_staff and editor.username == "editrice"  # the admin account is untouched
    assert Member.objects.get(user=editor).status == Member.Status.PENDING  # example.org: reviewed


def test_members_never_reach_the_wagtail_admin(client, home):
    member = MemberFactory()
    client.force_login(member.user)
    assert not member.user.has_perm("wagtailadmin.access_admin")
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_password_reset_and_change(client, home, sign_up, mailoutbox):
    sign_up("reset@paris.fr")
    client.logout()
    response = client.post("/en/accounts/password/reset/", {"email": "reset@paris.fr"})
    assert response.status_code == 302
    reset = link_to(mailoutbox[-1], "/accounts/password/reset/key/")
    form = client.get(reset, follow=True)
    assert form.status_code == 200
    action = form.redirect_chain[-1][0] if form.redirect_chain else reset
    done = client.post(action, {"password1": "Un-autre-mot-2-passe", "password2": "Un-autre-mot-2-passe"})
    assert done.status_code == 302
    assert client.login(request=RequestFactory().post("/"), username="reset@paris.fr", password="Un-autre-mot-2-passe")
    change = client.post(
        "/fr/accounts/password/change/",
        {"oldpassword": "Un-autre-mot-2-passe", "password1": "Encore-un-autre-3", "password2": "Encore-un-autre-3"},
    )
    assert change.status_code == 302
    assert get_user_model().objects.get(email="reset@paris.fr").check_password("Encore-un-autre-3")


def test_failed_sign_ins_are_rate_limited(client, home, sign_up):
    sign_up("limited@paris.fr")
    client.logout()
    for _ in range(5):
        refused = client.post("/en/accounts/login/", {"login": "limited@paris.fr", "password": "wrong"})
        assert "Too many failed login attempts" not in refused.content.decode()
    sixth = client.post("/en/accounts/login/", {"login": "limited@paris.fr", "password": "wrong"})
    assert "Too many failed login attempts" in sixth.content.decode()
    # Even the right password waits now (5 failures per address per 5 minutes).
    right = client.post("/en/accounts/login/", {"login": "limited@paris.fr", "password": PASSWORD})
    assert right.status_code == 200
    assert "Too many failed login attempts" in right.content.decode()
    assert client.get("/en/members/account/").status_code == 302


def test_a_session_without_remember_me_ends_with_the_browser(client, home, sign_up):
    sign_up("session@paris.fr")
    client.logout()
    client.post("/en/accounts/login/", {"login": "session@paris.fr", "password": PASSWORD})
    assert client.session.get_expire_at_browser_close()
    client.logout()
    client.post("/en/accounts/login/", {"login": "session@paris.fr", "password": PASSWORD, "remember": "on"})
    assert not client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == 14 * 24 * 60 * 60


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_header_links_to_sign_in_or_my_account(client, home, language):
    anonymous = client.get(f"/{language}/").content.decode()
    assert f'href="/{language}/accounts/login/"' in anonymous
    client.force_login(MemberFactory().user)
    signed_in = client.get(f"/{language}/").content.decode()
    assert f'href="/{language}/members/account/"' in signed_in


@pytest.mark.parametrize("path", ["/fr/accounts/login/", "/fr/accounts/signup/", "/en/accounts/confirm-email/forged/"])
def test_account_pages_are_never_stored_by_a_shared_cache(client, home, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "public" not in response["Cache-Control"]
    assert "private" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
