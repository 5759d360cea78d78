"""The weekly digest: per member, each practice first published since the last digest that
one of their weekly saved searches finds, listed once, in one email.

The number of queries does not grow with the number of members: every due saved search is
read in one query (with its member's address and language), each distinct search runs once
over the new practices (``matching``), what was already sent is read in one query, the
records of what is sent now are written in one statement (``records``), and the emails share one connection.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.mail import get_connection
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alerts.models import DigestRun, SavedSearch, Sent
from alerts.services.emails import RECIPIENT_FIELDS, Recipient, email_to, site_root, template
from alerts.services.links import PracticeLink, practice_link
from alerts.services.matching import matching
from alerts.services.records import record_told
from members.models import Member
from practices.services.listing import public_practices

SUBJECT = _("Your weekly digest of new practices")
FIRST_PERIOD = timedelta(days=7)  # the first digest looks back a week


@dataclass
class DigestReport:
    practices: int = 0
    searches: int = 0
    distinct_searches: int = 0
    emails: int = 0


def send_weekly_digest(now=None) -> DigestReport:
    now = now or timezone.now()
    last = DigestRun.objects.order_by("-started_at").values_list("started_at", flat=True).first()
    since = last or now - FIRST_PERIOD
    new = list(
        public_practices()
        .filter(first_published_at__gt=since, first_published_at__lte=now)
        .select_related("locale")
        .order_by("-first_published_at", "pk")
    )
    report = DigestReport(practices=len(new))
    if new:
        report = _send(new, report)
    DigestRun.objects.create(started_at=now, practices=report.practices, emails=report.emails)
    return report


def _send(new, report: DigestReport) -> DigestReport:
    searches = list(
        SavedSearch.objects.filter(
            alert=SavedSearch.Alert.WEEKLY,
            member__status=Member.Status.APPROVED,
            member__email_notifications=True,
        )
        .order_by("member_id", "pk")
        .values_list("language", "query", *(f"member__{name}" for name in RECIPIENT_FIELDS))
    )
    keys = {(language, query) for language, query, *_member in searches}
    report.searches, report.distinct_searches = len(searches), len(keys)
    found = matching(keys, [practice.pk for practice in new])
    links = {practice.pk: practice_link(practice) for practice in new}
    already = set(
        Sent.objects.filter(
            kind=Sent.Kind.ALERT, translation_key__in={link.translation_key for link in links.values()}
        ).values_list("member_id", "translation_key")
    )
    already = {(member_id, str(key)) for member_id, key in already}
    listed: dict[int, tuple[Recipient, dict[str, PracticeLink]]] = {}
    for language, query, *member in searches:
        recipient = Recipient(*member)
        for pk in found.get((language, query), ()):
            link = links[pk]
            if (recipient.pk, link.translation_key) in already or not recipient.email:
                continue
            listed.setdefault(recipient.pk, (recipient, {}))[1].setdefault(link.translation_key, link)
    if not listed:
        return report
    root, body = site_root(), template("digest")
    connection = get_connection()
    messages = [
        email_to(recipient, SUBJECT, body, {"practices": list(practices.values())}, root=root, connection=connection)
        for recipient, practices in listed.values()
    ]
    report.emails = connection.send_messages(messages) or 0
    record_told([(recipient.pk, key) for recipient, practices in listed.values() for key in practices])
    return report
