"""The reminder schedule: stale practices only, repeated at the interval, stopped by an
answer, escalated to the network team after three; one email per person, in their language,
in a fixed number of queries."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from factories import LabPageFactory, PracticePageFactory
from factories.editorial import lab_editor
from factories.freshness import StalePracticeFactory, days_ago
from mail_helpers import links_in
from wagtail.models import Site

from freshness.models import Reminder
from freshness.services.verification import needs_update
from freshness.tasks import send_freshness_reminders

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def later(days):
    return NOW + datetime.timedelta(days=days)


def test_only_stale_live_practices_are_reminded(lab, editor, remind):
    stale = StalePracticeFactory(parent=lab, title="Cantine bio")
    never = PracticePageFactory(parent=lab, title="Jamais vérifiée", last_verified=None)
    PracticePageFactory(parent=lab, title="Vérifiée", last_verified=days_ago(300))
    draft = StalePracticeFactory(parent=lab, title="Brouillon")
    draft.unpublish()

    report, emails = remind(NOW)
    assert (report.stale, report.reminded, report.emails) == (2, 2, 1)
    [email] = emails
    assert email.to == ["edith@lab-ouest.fr"]
    assert "Cantine bio" in email.body and "Jamais vérifiée" in email.body
    assert "Vérifiée\n" not in email.body and "Brouillon" not in email.body
    assert set(Reminder.objects.values_list("translation_key", flat=True)) == {
        stale.translation_key,
        never.translation_key,
    }


def test_reminders_repeat_at_the_interval_then_escalate_once_to_the_network_team(
    lab, editor, team_member, remind, settings
):
    settings.PRAXIS_FRESHNESS_REMIND_EVERY_DAYS = 30
    practice = StalePracticeFactory(parent=lab, title="Cantine bio")
    schedule = []
    for day in (0, 10, 30, 45, 60, 89, 90, 120, 150, 300):
        _report, emails = remind(later(day))
        schedule.append((day, [(email.to[0], "après trois rappels" in email.subject) for email in emails]))
    owner, team = ("edith@lab-ouest.fr", False), ("reseau@praxis.example", True)
    assert schedule == [
        (0, [owner]),
        (10, []),
        (30, [owner]),
        (45, []),
        (60, [owner]),
        (89, []),
        (90, [team]),  # after three unanswered reminders: the network team, once
        (120, []),
        (150, []),
        (300, []),
    ]
    reminder = Reminder.objects.get(translation_key=practice.translation_key)
    assert (reminder.sent_count, reminder.escalated_at) == (3, later(90))


def test_an_answer_stops_the_reminders_until_the_practice_is_stale_again(lab, editor, remind, client):
    practice = StalePracticeFactory(parent=lab)
    _report, [first] = remind(NOW)
    accurate = next(link for link in links_in(first) if "/answer/" in link)
    assert client.post(re.sub(r"^https?://[^/]+", "", accurate)).status_code == 200

    assert remind(later(30))[1] == []
    assert remind(later(200))[1] == []
    # A year after that verification the practice is stale again: a new round starts.
    _report, [again] = remind(later(370))
    assert again.to == ["edith@lab-ouest.fr"]
    reminder = Reminder.objects.get(translation_key=practice.translation_key)
    assert (reminder.sent_count, reminder.answered_at, reminder.verified_on) == (1, None, timezone.localdate())


def test_needs_an_update_stops_the_reminders_of_the_round(lab, editor, remind):
    practice = StalePracticeFactory(parent=lab)
    remind(NOW)
    needs_update(practice.translation_key, email=editor.email)
    assert remind(later(30))[1] == []
    assert remind(later(120))[1] == []


def test_each_person_gets_one_email_for_all_their_practices(lab, editor, remind):
    for number in range(3):
        StalePracticeFactory(parent=lab, title=f"Pratique {number}")
    StalePracticeFactory(parent=lab, title="Chez Jo", contact_email="jo@ville.example")
    _report, emails = remind(NOW)
    by_recipient = {email.to[0]: email for email in emails}
    assert sorted(by_recipient) == ["edith@lab-ouest.fr", "jo@ville.example"]
    assert "3 practices" in by_recipient["edith@lab-ouest.fr"].subject or "3 pratiques" in (
        by_recipient["edith@lab-ouest.fr"].subject
    )
    assert len([link for link in links_in(by_recipient["edith@lab-ouest.fr"]) if "/answer/" in link]) == 6
    assert "Chez Jo" not in by_recipient["edith@lab-ouest.fr"].body


def test_the_email_is_in_the_owner_language(lab, editor, contact_member, remind):
    StalePracticeFactory(parent=lab, title="Cantine bio", last_verified=datetime.date(2024, 3, 5))
    StalePracticeFactory(parent=lab, title="Vélo-école", contact_email="jo@ville.example")
    _report, emails = remind(NOW)
    by_recipient = {email.to[0]: email for email in emails}

    french = by_recipient["edith@lab-ouest.fr"]
    assert french.subject == "Cette pratique est-elle toujours exacte ? Cantine bio"
    assert french.body.startswith("Bonjour Édith Ouest,")
    assert "Dernière vérification le 5 mars 2024" in french.body
    assert "Toujours exacte" in french.body and "À mettre à jour" in french.body

    english = by_recipient["jo@ville.example"]
    assert english.subject == "Is this practice still accurate? Vélo-école"
    assert english.body.startswith("Hello Jo Contact,")
    assert "Still accurate (one click, nothing else changes):" in english.body
    assert "Needs an update (opens the editor" in english.body
    links = [link for link in links_in(english) if "/answer/" in link]
    assert len(links) == 2 and all(link.startswith("http://") for link in links)


def test_hostile_titles_stay_plain_text_in_the_email(lab, editor, remind):
    StalePracticeFactory(parent=lab, title="<script>alert(1)</script> & co")
    _report, [email] = remind(NOW)
    assert "<script>alert(1)</script> & co" in email.body  # text/plain: shown as typed, never run
    assert email.content_subtype == "plain"
    assert "\n" not in email.subject


def test_the_reminders_cost_the_same_queries_for_3_and_12_practices(lab, editor, team_member, remind):
    other = LabPageFactory()
    lab_editor(other)

    def practices(count):
        for number in range(count):
            StalePracticeFactory(
                parent=[lab, other][number % 2], contact_email="jo@ville.example" if number % 3 else ""
            )

    practices(3)
    Site.get_site_root_paths()  # cached once per process in production: not counted
    with CaptureQueriesContext(connection) as three:
        assert remind(NOW)[0].reminded == 3
    Reminder.objects.all().delete()
    practices(9)
    Site.get_site_root_paths()
    with CaptureQueriesContext(connection) as twelve:
        assert remind(NOW)[0].reminded == 12
    assert len(twelve) == len(three) <= 16


def test_the_command_and_the_task_send_them(lab, editor, capsys):
    StalePracticeFactory(parent=lab)
    call_command("send_freshness_reminders")
    assert "1 stale practices, 1 reminded, 0 escalated to the network team, 1 emails sent." in capsys.readouterr().out
    assert len(mail.outbox) == 1
    Reminder.objects.all().delete()
    assert send_freshness_reminders.enqueue().return_value == 1
