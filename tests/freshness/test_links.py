"""The one-click links work once and only for the right practice: GET asks, POST answers;
forged, altered, expired, reused, another practice's, or used by someone who is no longer
the owner: a clear 400, 403 or 410 page, nothing changed."""

import re
import time

import pytest
from django.core import mail, signing
from django.utils import timezone
from factories.editorial import lab_editor
from factories.freshness import StalePracticeFactory, days_ago
from mail_helpers import links_in, path_of

from freshness.models import Reminder, Verification
from freshness.services.links import SALT
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def reminded(lab, editor, remind):
    """Two stale practices of the lab, reminded: their links by practice and answer."""
    practices = [StalePracticeFactory(parent=lab, title=f"Pratique {n}") for n in range(2)]
    _report, [email] = remind(timezone.now())
    links = [path_of(link) for link in links_in(email) if "/answer/" in link]
    by_practice = {}
    for practice in practices:
        mine = [link for link in links if f"/freshness/{practice.pk}/" in link]
        by_practice[practice.pk] = {"accurate": mine[0], "update": mine[1]}
    return practices, by_practice


def last_verified(practice):
    return PracticePage.objects.get(pk=practice.pk).last_verified


def test_still_accurate_asks_on_get_then_verifies_once_on_post(client, reminded, editor):
    (practice, other), links = reminded
    link = links[practice.pk]["accurate"]
    asked = client.get(link)
    assert asked.status_code == 200
    assert "Pratique 0" in asked.content.decode()
    assert f'action="{link}"' in asked.content.decode()
    assert last_verified(practice) == days_ago(400)  # a mail scanner's GET changes nothing

    done = client.post(link)
    assert done.status_code == 200
    assert last_verified(practice) == timezone.localdate()
    assert last_verified(other) == days_ago(400)
    verification = Verification.objects.get()
    assert (verification.translation_key, verification.email, verification.user_id) == (
        practice.translation_key,
        "edith@lab-ouest.fr",
        editor.pk,
    )
    reminder = Reminder.objects.get(translation_key=practice.translation_key)
    assert reminder.answer == Reminder.Answer.ACCURATE and reminder.answered_by == "edith@lab-ouest.fr"

    for method in (client.get, client.post):  # reused
        again = method(link)
        assert again.status_code == 410
        assert "a déjà servi" in again.content.decode()
    # The round is answered: the other answer's link of the same email is spent too.
    assert client.post(links[practice.pk]["update"]).status_code == 410
    assert Verification.objects.count() == 1


def test_needs_an_update_opens_the_editor_behind_the_sign_in(client, reminded):
    (practice, _other), links = reminded
    link = links[practice.pk]["update"]
    asked = client.get(link)
    assert asked.status_code == 200
    assert "Ouvrir l" in asked.content.decode()
    done = client.post(link)
    assert done.status_code == 302
    assert done["Location"] == f"/admin/pages/{practice.pk}/edit/"
    editor_page = client.get(done["Location"])
    assert editor_page.status_code == 302 and "/admin/login/" in editor_page["Location"]
    assert last_verified(practice) == days_ago(400)
    assert Reminder.objects.get(translation_key=practice.translation_key).answer == Reminder.Answer.UPDATE
    assert client.post(link).status_code == 410


def test_a_link_only_works_for_its_own_practice(client, reminded):
    (practice, other), links = reminded
    token = links[practice.pk]["accurate"].rstrip("/").rsplit("/", 1)[1]
    elsewhere = f"/fr/freshness/{other.pk}/answer/{token}/"
    for method in (client.get, client.post):
        refused = method(elsewhere)
        assert refused.status_code == 403
        assert "envoyé pour une autre pratique" in refused.content.decode()
    assert last_verified(other) == last_verified(practice) == days_ago(400)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-3] + ("abc" if not token.endswith("abc") else "xyz"),  # altered signature
        lambda token: "not-a-token",
        lambda token: signing.dumps({"k": "x"}, salt=SALT),  # signed, but not a link
        lambda token: signing.dumps(["k", "n"], salt=SALT),
        lambda token: signing.dumps({"k": "1", "n": "2", "w": "u:1", "a": "delete"}, salt=SALT),
        lambda token: signing.dumps(signing.loads(token, salt=SALT), salt="alerts.unsubscribe"),  # another salt
        lambda token: "x" * 5000,
        lambda token: "%00%01",
    ],
)
def test_forged_links_are_a_400_and_change_nothing(client, reminded, tamper):
    (practice, _other), links = reminded
    token = links[practice.pk]["accurate"].rstrip("/").rsplit("/", 1)[1]
    for method in (client.get, client.post):
        refused = method(f"/fr/freshness/{practice.pk}/answer/{tamper(token)}/")
        assert refused.status_code == 400
        assert "incomplet ou altéré" in refused.content.decode()
    assert last_verified(practice) == days_ago(400)


def test_an_expired_link_is_gone(client, reminded, settings, monkeypatch):
    (practice, _other), links = reminded
    link = links[practice.pk]["accurate"]
    later = time.time() + settings.PRAXIS_FRESHNESS_LINK_DAYS * 86400 + 60
    monkeypatch.setattr(signing.time, "time", lambda: later)
    refused = client.post(link)
    assert refused.status_code == 410
    assert last_verified(practice) == days_ago(400)


def test_an_unknown_practice_is_a_404(client, reminded):
    (practice, _other), links = reminded
    token = links[practice.pk]["accurate"].rstrip("/").rsplit("/", 1)[1]
    assert client.get(f"/fr/freshness/999999/answer/{token}/").status_code == 404
    assert client.get(f"/fr/freshness/{10**30}/answer/{token}/").status_code == 404


def test_an_editor_who_left_the_lab_cannot_answer(client, reminded, editor):
    (practice, _other), links = reminded
    editor.groups.clear()
    refused = client.post(links[practice.pk]["accurate"])
    assert refused.status_code == 403
    assert "plus responsable de cette pratique" in refused.content.decode()
    assert last_verified(practice) == days_ago(400)


def test_a_contact_replaced_meanwhile_cannot_answer(client, lab, editor, remind):
    practice = StalePracticeFactory(parent=lab, contact_email="ancien@ville.example")
    _report, [email] = remind(timezone.now())
    link = path_of(next(link for link in links_in(email) if "/answer/" in link))
    PracticePage.objects.filter(pk=practice.pk).update(contact_email="nouvelle@ville.example")
    assert client.post(link).status_code == 403
    # Once the contact is removed, the lab's editors own it: still not the former contact.
    PracticePage.objects.filter(pk=practice.pk).update(contact_email="")
    assert client.post(link).status_code == 403
    assert last_verified(practice) == days_ago(400)


def test_the_network_team_may_answer_an_escalated_reminder(client, lab, team_member, remind, settings):
    practice = StalePracticeFactory(parent=lab)  # no editor, no contact: the team owns it anyway
    Reminder.objects.create(
        translation_key=practice.translation_key, page=practice, verified_on=days_ago(400), sent_count=3
    )
    other_editor = lab_editor(lab, email="arrivee@lab-ouest.fr")  # the lab has an editor now
    _report, emails = remind(timezone.now())
    escalation = next(email for email in emails if email.to == ["reseau@praxis.example"])
    assert other_editor.email not in escalation.to
    link = path_of(next(link for link in links_in(escalation) if re.search(r"/answer/", link)))
    assert client.post(link).status_code == 200
    assert last_verified(practice) == timezone.localdate()
    assert Verification.objects.get().email == "reseau@praxis.example"


def test_a_contact_without_editor_account_who_says_update_gets_the_editors_told(client, lab, editor, remind):
    practice = StalePracticeFactory(parent=lab, title="Cantine <b>bio</b>", contact_email="anne@ville.example")
    _report, [email] = remind(timezone.now())
    update = path_of([link for link in links_in(email) if "/answer/" in link][1])
    mail.outbox.clear()
    noted = client.post(update)
    assert noted.status_code == 200
    assert "Cantine &lt;b&gt;bio&lt;/b&gt;" in noted.content.decode()  # escaped on the page
    [told] = mail.outbox
    assert told.to == ["edith@lab-ouest.fr"]
    assert "anne@ville.example" in told.body and "Cantine <b>bio</b>" in told.body
    assert f"/admin/pages/{practice.pk}/edit/" in told.body
    assert Reminder.objects.get(translation_key=practice.translation_key).answer == Reminder.Answer.UPDATE
    assert client.post(update).status_code == 410


def test_the_confirmation_page_names_the_contact_without_their_address(client, lab, editor, remind):
    StalePracticeFactory(parent=lab, contact_email="anne@ville.example", contact_name="Anne Martin")
    _report, [email] = remind(timezone.now())
    page = client.get(path_of(next(link for link in links_in(email) if "/answer/" in link))).content.decode()
    assert "Anne Martin" in page
    assert "anne@ville.example" not in page
