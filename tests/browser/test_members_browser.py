"""A member's way in, in Chromium: sign up, read the verification email, verify, sign out, sign
in, see "My account"; every page on the way passes axe (WCAG 2.1 A/AA) in French and English."""

import re
from pathlib import Path

import pytest
from browser.a11y import axe_violations, describe
from django.core import mail
from factories import PracticePageFactory

from members.models import Member
from members.seeds import ensure_public_body_domains

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "Vraiment-solide-42"  # noqa: S105
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def check(page, problems, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"members-{name}-{page.evaluate('document.documentElement.lang')}.png"))
    if violations := axe_violations(page):
        problems.append(f"{name} {page.url}:\n{describe(violations)}")
    if page.locator("h1").count() != 1:
        problems.append(f"{name}: {page.locator('h1').count()} h1")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_sign_up_verify_sign_in_and_my_account(language, live_server, live_home, browser, settings):
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # links in emails point at the live server
    ensure_public_body_domains()  # an earlier transactional test may have flushed them
    practice = PracticePageFactory(contact_email="equipe@valdoise.fr")
    mail.outbox = []
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=f"{language}-FR")
    page = context.new_page()
    problems = []
    base = live_server.url

    page.goto(f"{base}/{language}/")
    with page.expect_navigation():  # the check reads the next page, not the one unloading
        page.locator(".account-link a").click()
    assert f"/{language}/accounts/login/" in page.url
    check(page, problems, "login")
    page.goto(f"{base}/{language}/accounts/signup/")
    check(page, problems, "signup")
    page.fill("#id_email", f"agent.{language}@paris.fr")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.fill("#id_name", "Camille Martin")
    page.fill("#id_organisation", "Ville de Paris")
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/accounts/confirm-email/$"))
    check(page, problems, "verification-sent")

    [verification] = mail.outbox
    link = next(word for word in verification.body.split() if "/accounts/confirm-email/" in word)
    page.goto(link.replace("http://testserver", base))
    check(page, problems, "confirm-email")
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/members/account/$"))
    check(page, problems, "account")
    assert Member.objects.get(user__email=f"agent.{language}@paris.fr").status == Member.Status.APPROVED

    for path, name in [
        (f"/{language}/members/account/delete/", "delete-account"),
        (f"/{language}/members/privacy/", "privacy"),
        (f"/{language}/members/write/{practice.pk}/", "relay-write"),
        (f"/{language}/accounts/password/change/", "password-change"),
        (f"/{language}/accounts/email/", "email-addresses"),
    ]:
        page.goto(base + path)
        check(page, problems, name)

    page.goto(f"{base}/{language}/accounts/logout/")
    check(page, problems, "logout")
    with page.expect_navigation():  # signed out before the next page is asked for
        page.locator("form.account-form button[type=submit]").click()
    page.goto(f"{base}/{language}/accounts/password/reset/")
    check(page, problems, "password-reset")
    page.goto(f"{base}/{language}/accounts/login/")
    page.fill("#id_login", f"agent.{language}@paris.fr")
    page.fill("#id_password", PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{language}/members/account/$"))
    assert page.locator("input#id_name").input_value() == "Camille Martin"
    page.set_viewport_size({"width": 320, "height": 800})
    if (width := page.evaluate("document.documentElement.scrollWidth")) > 320:
        problems.append(f"account: {width}px wide at 320px (no reflow)")
    assert not problems, "\n".join(problems)
    context.close()
