"""Immediate alerts: a practice just published, told at once to the members whose saved
search finds it, one email per member however many of their searches match, never twice
for the same practice (any language version, any later publication)."""

from django.core.mail import get_connection
from django.utils.translation import gettext_lazy as _

from alerts.models import SavedSearch, Sent
from alerts.services.emails import email_to, recipients, site_root, template
from alerts.services.links import practice_link
from alerts.services.matching import matching
from members.models import Member
from practices.services.listing import public_practices

SUBJECT = _("A new practice matches your saved search")


def alert_for_published(page_id: int) -> int:
    """Send the immediate alerts for practice ``page_id``; the number of emails sent."""
    practice = public_practices().filter(pk=page_id).select_related("locale").first()
    if practice is None:  # unpublished, private or gone since
        return 0
    searches = list(
        SavedSearch.objects.filter(
            alert=SavedSearch.Alert.IMMEDIATE,
            member__status=Member.Status.APPROVED,
            member__email_notifications=True,
        ).values_list("member_id", "language", "query", "name")
    )
    found = matching({(language, query) for _m, language, query, _n in searches}, [practice.pk])
    names: dict[int, list[str]] = {}
    for member_id, language, query, name in searches:
        if found.get((language, query)):
            names.setdefault(member_id, []).append(name)
    already = set(
        Sent.objects.filter(
            kind=Sent.Kind.ALERT, translation_key=practice.translation_key, member_id__in=list(names)
        ).values_list("member_id", flat=True)
    )
    due = recipients(Member.objects.filter(pk__in=[pk for pk in names if pk not in already]))
    if not due:
        return 0
    link, root, body = practice_link(practice), site_root(), template("alert")
    connection = get_connection()
    messages = [
        email_to(recipient, SUBJECT, body, {"practice": link, "searches": names[pk]}, root=root, connection=connection)
        for pk, recipient in due.items()
    ]
    sent = connection.send_messages(messages) or 0
    Sent.objects.bulk_create(
        [Sent(member_id=pk, kind=Sent.Kind.ALERT, translation_key=practice.translation_key) for pk in due],
        ignore_conflicts=True,
    )
    return sent
