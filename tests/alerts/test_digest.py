"""The weekly digest: each new practice once per member, whatever the number of matching
searches, in a number of queries that does not grow with the number of members."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from factories import MemberFactory, PracticePageFactory

from alerts.models import DigestRun, SavedSearch, Sent
from alerts.services.digest import send_weekly_digest

pytestmark = pytest.mark.django_db
WEEKLY = SavedSearch.Alert.WEEKLY


def test_each_new_practice_is_listed_once_per_member(member, saved_search, area, home, outbox):
    saved_search(member, "policy_area=lecture-publique", alert=WEEKLY)
    saved_search(member, "country=FR", alert=WEEKLY)
    saved_search(member, "q=ludoth%C3%A8que", alert=WEEKLY)
    PracticePageFactory(title="Ludothèque mobile", policy_areas=[area])
    PracticePageFactory(title="Jardin partagé", country="BE")
    PracticePageFactory(title="Brouillon de ludothèque", policy_areas=[area], live=False)

    report = send_weekly_digest()

    assert (report.practices, report.searches, report.distinct_searches, report.emails) == (2, 3, 3, 1)
    [email] = outbox
    assert email.body.count("Ludothèque mobile") == 1
    assert "Jardin partagé" not in email.body and "Brouillon" not in email.body
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Sent.objects.filter(member=member).count() == 1


def test_the_next_digest_lists_only_what_is_new_and_not_told_yet(member, saved_search, area, home, outbox, publish):
    saved_search(member, "policy_area=lecture-publique", alert=WEEKLY)
    PracticePageFactory(title="Première", policy_areas=[area])
    send_weekly_digest()
    assert len(outbox) == 1

    # Already told at once by another saved search: not again in the digest.
    saved_search(member, "country=FR", alert=SavedSearch.Alert.IMMEDIATE)
    publish(title="Deuxième", policy_areas=[area])
    assert len(outbox) == 2
    report = send_weekly_digest(now=timezone.now() + timedelta(seconds=1))

    assert report.practices == 1 and report.emails == 0
    assert len(outbox) == 2
    assert DigestRun.objects.count() == 2


def test_members_without_notifications_get_no_digest(saved_search, area, home, outbox):
    saved_search(MemberFactory(email_notifications=False), "policy_area=lecture-publique", alert=WEEKLY)
    PracticePageFactory(policy_areas=[area])
    assert send_weekly_digest().emails == 0
    assert outbox == []


def digest_queries(count, area, saved_search):
    for _number in range(count):
        member = MemberFactory()
        saved_search(member, "policy_area=lecture-publique", alert=WEEKLY)
        saved_search(member, "country=FR", alert=WEEKLY)
        saved_search(member, "q=ludoth%C3%A8que", alert=WEEKLY)
    PracticePageFactory(title="Ludothèque mobile", policy_areas=[area])
    PracticePageFactory(title="Autre pratique")
    with CaptureQueriesContext(connection) as captured:
        report = send_weekly_digest()
    assert report.emails == count
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_the_members(area, saved_search, home, outbox):
    counts = []
    for members in (1, 3, 12):  # the first one warms the caches (site root, search backend)
        SavedSearch.objects.all().delete()
        DigestRun.objects.all().delete()
        Sent.objects.all().delete()
        counts.append(digest_queries(members, area, saved_search))
    assert counts[1] == counts[2]


def test_the_command_sends_the_digest(member, saved_search, area, home, outbox, capsys):
    saved_search(member, "policy_area=lecture-publique", alert=WEEKLY)
    PracticePageFactory(policy_areas=[area])
    call_command("send_weekly_digest")
    assert "1 emails sent" in capsys.readouterr().out
    assert len(outbox) == 1
