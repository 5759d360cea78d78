"""Reminders to record what happened: 6 and 12 months after a plan went "under way".

Run daily or weekly (``manage.py send_transposition_reminders``, a systemd timer). Each plan
still under way gets the 6-month reminder once and the 12-month one once
(``Plan.reminders_sent``: 0, 1, 2); a plan found late (13 months under way, nothing sent) gets
the 12-month one only. Its owners are emailed through the alerts machinery
(``alerts.services.emails``: their language, an unsubscribe link, only if they accept
emails); a reminder is counted as sent even when an owner declines emails, so that it never
arrives late. A fixed number of queries whatever the number of plans.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from alerts.services.emails import email_to, recipients, site_root
from members.models import Member
from transpositions.models import Collaborator, Plan

MONTHS = (6, 12)  # reminder n (1-based) is due MONTHS[n - 1] months after "under way"
SUBJECTS = {
    1: _("Six months on: how is your transposition going?"),
    2: _("A year on: what came of your transposition?"),
}


@dataclass
class Report:
    plans: int = 0
    emails: int = 0


def months_before(day: datetime.date, months: int) -> datetime.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def plan_link(plan_id, language: str) -> str:
    """The plan's page (where its status and outcome are recorded), in ``language``."""
    with translation.override(language):
        try:
            return reverse("transpositions:plan", args=[plan_id])
        except NoReverseMatch:  # the plan page is not installed: the outcome page
            return reverse("transpositions:share", args=[plan_id])


def due(today: datetime.date) -> dict:
    """{plan: reminder number} for plans under way whose next reminder is due on ``today``."""
    six, twelve = months_before(today, MONTHS[0]), months_before(today, MONTHS[1])
    plans = Plan.objects.filter(status=Plan.Status.UNDER_WAY, under_way_since__isnull=False).filter(
        Q(reminders_sent__lt=2, under_way_since__lte=twelve) | Q(reminders_sent__lt=1, under_way_since__lte=six)
    )
    result = {}
    for plan in plans.only("id", "title", "language", "under_way_since", "reminders_sent"):
        result[plan] = 2 if plan.under_way_since <= twelve else 1
    return result


def send_reminders(today: datetime.date | None = None) -> Report:
    today = today or timezone.localdate()
    plans = due(today)
    report = Report(plans=len(plans))
    if not plans:
        return report
    owners = Collaborator.objects.filter(plan__in=list(plans), role=Collaborator.Role.OWNER).values_list(
        "plan_id", "member_id"
    )
    owners_of = {}
    for plan_id, member_id in owners:
        owners_of.setdefault(plan_id, []).append(member_id)
    people = recipients(Member.objects.filter(pk__in={pk for pks in owners_of.values() for pk in pks}))
    root, connection, body = site_root(), get_connection(), get_template("transpositions/email/reminder.txt")
    messages = []
    for plan, number in plans.items():
        for member_id in owners_of.get(plan.pk, []):
            recipient = people.get(member_id)
            if recipient is None:
                continue
            context = {"plan": plan, "months": MONTHS[number - 1], "url": root + plan_link(plan.pk, recipient.language)}
            messages.append(email_to(recipient, SUBJECTS[number], body, context, root=root, connection=connection))
    with transaction.atomic():
        for number in (1, 2):
            ids = [plan.pk for plan, n in plans.items() if n == number]
            if ids:
                # Only plans still under way with fewer reminders: a run in parallel never sends twice.
                Plan.objects.filter(pk__in=ids, reminders_sent__lt=number).update(reminders_sent=number)
    if messages:
        report.emails = connection.send_messages(messages) or 0
    return report
