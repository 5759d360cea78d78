"""The reminders: who is told that a practice needs checking, and when.

A practice is **stale** when its last verification (``last_verified``, shared by its
translations) is older than ``PRAXIS_FRESHNESS_MAX_AGE_DAYS`` (365) or was never made. Each
run (weekly: the ``send_freshness_reminders`` task or command), for each stale live practice:

- a round of reminders starts for the verification date it has (a changed date — verified,
  or edited and published with a new date — starts a new round later, when stale again);
- its owner (``freshness.services.owners``) is emailed at once, then every
  ``PRAXIS_FRESHNESS_REMIND_EVERY_DAYS`` (30) while nobody answers;
- after ``PRAXIS_FRESHNESS_ESCALATE_AFTER`` (3) unanswered reminders, the next one goes to
  the network editorial team instead, once; then the round waits for an answer (the
  dashboard keeps showing the practice);
- an answer ("still accurate" or "needs an update") ends the round.

Each person gets one email per run listing their practices, in their language, with two
signed links per practice (``freshness.services.links``). The queries are the same few
whatever the number of practices (one read of each table, one bulk write).
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alerts.services.emails import site_root
from freshness.models import Reminder, new_nonce
from freshness.services.links import answer_path, answer_token
from freshness.services.owners import Owner, Person, owners_and_team
from practices.models import PracticePage

PRACTICE_FIELDS = (
    "pk",
    "title",
    "path",
    "depth",
    "url_path",
    "translation_key",
    "contact_email",
    "contact_name",
    "last_verified",
    "locale__language_code",
)


def stale_since(today=None):
    """Practices verified before this date (or never) are stale."""
    today = today or timezone.localdate()
    return today - timedelta(days=settings.PRAXIS_FRESHNESS_MAX_AGE_DAYS)


def stale_q(today=None) -> Q:
    return Q(last_verified__isnull=True) | Q(last_verified__lt=stale_since(today))


def stale_practices(pages=None, today=None) -> list[PracticePage]:
    """The original (lowest id) live page of each stale practice, oldest verification first."""
    pages = PracticePage.objects.live() if pages is None else pages
    rows = pages.filter(stale_q(today)).select_related("locale").only(*PRACTICE_FIELDS).order_by("pk")
    originals = {}
    for page in rows:
        originals.setdefault(page.translation_key, page)
    return sorted(originals.values(), key=lambda page: (page.last_verified is not None, page.last_verified, page.pk))


@dataclass
class Item:
    """One practice in one person's email."""

    practice: PracticePage
    reminder: Reminder
    owner: Owner
    url: str = ""
    accurate_url: str = ""
    update_url: str = ""


@dataclass
class Report:
    stale: int = 0
    reminded: int = 0
    escalated: int = 0
    emails: int = 0
    to_send: dict = field(default_factory=dict)  # person -> [Item]; escalations: (person, True) -> [Item]


def send_reminders(now=None) -> Report:
    now = now or timezone.now()
    today = timezone.localdate(now)
    interval = timedelta(days=settings.PRAXIS_FRESHNESS_REMIND_EVERY_DAYS)
    practices = stale_practices(today=today)
    owners, network = owners_and_team(practices)
    keys = [page.translation_key for page in practices]
    reminders = {r.translation_key: r for r in Reminder.objects.filter(translation_key__in=keys)}
    report = Report(stale=len(practices))
    created, changed = [], []
    for practice in practices:
        reminder = reminders.get(practice.translation_key)
        if reminder is None:
            reminder = Reminder(translation_key=practice.translation_key, page_id=practice.pk)
            reminder.verified_on = practice.last_verified
            created.append(reminder)
        elif reminder.verified_on != practice.last_verified:
            new_round(reminder, practice)
            changed.append(reminder)
        if reminder.answered_at or (reminder.last_sent_at and reminder.last_sent_at > now - interval):
            continue
        owner = owners[str(practice.translation_key)]
        if reminder.sent_count < settings.PRAXIS_FRESHNESS_ESCALATE_AFTER:
            recipients, escalation = owner.people, False
            reminder.sent_count += 1
            reminder.first_sent_at = reminder.first_sent_at or now
            report.reminded += 1
        elif reminder.escalated_at is None:
            recipients, escalation = network, True
            reminder.escalated_at = now
            report.escalated += 1
        else:
            continue
        reminder.last_sent_at = now
        if reminder not in created and reminder not in changed:
            changed.append(reminder)
        for person in recipients:
            report.to_send.setdefault((person, escalation), []).append(Item(practice, reminder, owner))
    Reminder.objects.bulk_create(created)
    Reminder.objects.bulk_update(
        changed,
        [
            "verified_on",
            "sent_count",
            "first_sent_at",
            "last_sent_at",
            "escalated_at",
            "answered_at",
            "answer",
            "answered_by",
            "nonce",
        ],
    )
    root = site_root() if report.to_send else ""
    messages = [
        email_for(person, items, escalation=escalation, root=root)
        for (person, escalation), items in report.to_send.items()
    ]
    if messages:
        report.emails = get_connection().send_messages(messages) or 0
    return report


def new_round(reminder: Reminder, practice) -> None:
    reminder.verified_on = practice.last_verified
    reminder.sent_count = 0
    reminder.first_sent_at = reminder.last_sent_at = reminder.escalated_at = reminder.answered_at = None
    reminder.answer = reminder.answered_by = ""
    reminder.nonce = new_nonce()


def email_for(person: Person, items: list[Item], *, escalation: bool, root: str | None = None) -> EmailMessage:
    """One email to one person about their practices, in their language, with the links."""
    root = site_root() if root is None else root
    with translation.override(person.language or settings.LANGUAGE_CODE):
        for item in items:
            item.url = item.practice.get_full_url() or ""
            for answer in Reminder.Answer:
                token = answer_token(item.reminder, person.identity, answer)
                setattr(item, f"{answer}_url", root + answer_path(item.practice.pk, token))
        count = len(items)
        if escalation and count == 1:
            subject = _("Nobody confirmed a practice after three reminders: %(title)s")
        elif escalation:
            subject = ngettext(
                "Nobody confirmed %(count)s practice after three reminders",
                "Nobody confirmed %(count)s practices after three reminders",
                count,
            )
        elif count == 1:
            subject = _("Is this practice still accurate? %(title)s")
        else:
            subject = ngettext(
                "Is this %(count)s practice still accurate?", "Are these %(count)s practices still accurate?", count
            )
        subject = subject % {"title": items[0].practice.title, "count": count}
        body = get_template("freshness/email/reminder.txt").render(
            {
                "person": person,
                "items": items,
                "escalation": escalation,
                "max_age_days": settings.PRAXIS_FRESHNESS_MAX_AGE_DAYS,
                "link_days": settings.PRAXIS_FRESHNESS_LINK_DAYS,
                "signature": _("The Praxis network"),
            }
        )
    return EmailMessage(" ".join(subject.split()), body, to=[person.email])
