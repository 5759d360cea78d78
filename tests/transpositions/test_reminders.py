"""Owners of plans under way are reminded at 6 and 12 months, once each, in their language."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from factories import MemberFactory, PlanFactory
from factories.transpositions import invite

from transpositions.models import Collaborator, Plan
from transpositions.services.reminders import months_before, send_reminders

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 1, 31)


def under_way(practice, member, since=START, **fields):
    return PlanFactory(member=member, practice=practice, status=Plan.Status.UNDER_WAY, under_way_since=since, **fields)


def test_months_before_keeps_the_day_or_the_months_last():
    assert months_before(datetime.date(2026, 7, 31), 6) == START
    assert months_before(datetime.date(2026, 8, 31), 6) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2027, 1, 15), 12) == datetime.date(2026, 1, 15)


def test_six_and_twelve_months_once_each(practice, owner, colleague):
    plan = under_way(practice, owner)
    invite(plan, colleague, Collaborator.Role.EDITOR)  # editors are not reminded

    assert send_reminders(datetime.date(2026, 7, 30)).emails == 0
    assert send_reminders(datetime.date(2026, 7, 31)).emails == 1
    message = mail.outbox[0]
    assert message.to == [owner.user.email]
    assert message.subject == "Six mois plus tard : où en est votre transposition ?"
    assert "depuis 6 mois" in message.body and str(plan.pk) in message.body
    assert "List-Unsubscribe" in message.extra_headers
    assert send_reminders(datetime.date(2026, 8, 1)).emails == 0
    assert send_reminders(datetime.date(2027, 1, 30)).emails == 0

    assert send_reminders(datetime.date(2027, 1, 31)).emails == 1
    assert mail.outbox[1].subject == "Un an plus tard : qu'est devenue votre transposition ?"
    assert send_reminders(datetime.date(2027, 6, 1)).emails == 0
    plan.refresh_from_db()
    assert plan.reminders_sent == 2


def test_a_plan_found_late_gets_the_twelve_month_reminder_only(practice, owner):
    plan = under_way(practice, owner)
    assert send_reminders(datetime.date(2027, 3, 1)).emails == 1
    assert "depuis 12 mois" in mail.outbox[0].body
    plan.refresh_from_db()
    assert plan.reminders_sent == 2


def test_only_plans_still_under_way_and_owners_who_accept_emails(practice, owner):
    under_way(practice, owner)
    Plan.objects.update(status=Plan.Status.DONE)  # under way, then done: nothing to remind
    quiet = MemberFactory(email_notifications=False)
    declined = under_way(practice, quiet)
    english = MemberFactory(language="en")
    under_way(practice, english)

    report = send_reminders(datetime.date(2026, 8, 1))

    assert report.emails == 1 and mail.outbox[0].to == [english.user.email]
    assert mail.outbox[0].subject == "Six months on: how is your transposition going?"
    assert "/en/transpositions/" in mail.outbox[0].body
    declined.refresh_from_db()
    assert declined.reminders_sent == 1  # never sent late if they accept emails again


def test_a_fixed_number_of_queries(practice, django_assert_max_num_queries, django_assert_num_queries):
    under_way(practice, MemberFactory())
    with django_assert_max_num_queries(20) as one:
        send_reminders(datetime.date(2026, 8, 1))
    Plan.objects.update(reminders_sent=0)
    for _ in range(4):
        under_way(practice, MemberFactory())
    with django_assert_num_queries(len(one)):
        assert send_reminders(datetime.date(2026, 8, 1)).emails == 5


def test_the_command_sends_them_or_queues_them(practice, owner, capsys):
    under_way(practice, owner, since=datetime.date.today() - datetime.timedelta(days=200))
    call_command("send_transposition_reminders", "--enqueue")  # the immediate backend in tests
    assert len(mail.outbox) == 1
    call_command("send_transposition_reminders")
    assert "0 plans due a reminder" in capsys.readouterr().out
