"""Immediate alerts: a practice published is told at once, once, to the members whose saved
search finds it, in their language, never revealing another member."""

import pytest
from factories import MemberFactory, PracticePageFactory
from factories.translations import translate_page
from wagtail.models import PageViewRestriction

from alerts.models import SavedSearch, Sent
from members.models import Member
from praxis.services.publishing import Stage, pipeline

pytestmark = pytest.mark.django_db


def test_a_matching_practice_is_emailed_once_with_unsubscribe_headers(member, saved_search, publish, area, outbox):
    saved_search(member, "policy_area=lecture-publique", name="Lecture")

    practice = publish(title="Bibliothèque hors les murs", policy_areas=[area])

    assert len(outbox) == 1
    email = outbox[0]
    assert email.to == [member.user.email]
    assert "Bibliothèque hors les murs" in email.body
    assert practice.get_full_url() in email.body
    assert "Lecture" in email.body and "Bonjour Camille" in email.body  # the member's language
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = email.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http") and "/fr/alerts/unsubscribe/" in unsubscribe
    assert unsubscribe.strip("<>") in email.body
    assert Sent.objects.filter(member=member, translation_key=practice.translation_key).count() == 1


def test_republishing_with_minor_edits_does_not_alert_again(member, saved_search, publish, republish, area, outbox):
    saved_search(member, "policy_area=lecture-publique")
    practice = publish(policy_areas=[area])
    assert len(outbox) == 1

    republish(practice, summary=practice.summary + " Une virgule corrigée.")
    translate_page(practice, "en")  # a new language version is the same practice

    assert len(outbox) == 1


def test_several_matching_searches_make_one_email(member, saved_search, publish, area, outbox):
    saved_search(member, "policy_area=lecture-publique", name="Lecture")
    saved_search(member, "country=FR", name="France")
    publish(policy_areas=[area])
    assert len(outbox) == 1
    assert "Lecture" in outbox[0].body and "France" in outbox[0].body


def test_a_practice_the_search_does_not_find_sends_nothing(member, saved_search, publish, area, other_area, outbox):
    saved_search(member, "policy_area=lecture-publique&stage=scaled")
    publish(policy_areas=[area])  # experimentation, not scaled
    publish(policy_areas=[other_area], lifecycle_stage="scaled")
    assert outbox == []


def test_text_searches_use_the_search_engine(member, saved_search, publish, outbox):
    saved_search(member, "q=ludothèques")
    publish(title="Des ludothèques itinérantes")  # plural and accents as the search page reads them
    publish(title="Un jardin partagé")
    assert len(outbox) == 1
    assert "ludothèques itinérantes" in outbox[0].body


def test_each_member_gets_their_own_email_in_their_language(saved_search, publish, area, outbox):
    french, english = MemberFactory(language="fr"), MemberFactory(language="en", name="Sam")
    saved_search(french, "policy_area=lecture-publique")
    saved_search(english, "policy_area=lecture-publique", language="en")  # found in English: the original

    publish(title="Une pratique en français", policy_areas=[area])

    assert sorted(email.to[0] for email in outbox) == sorted([french.user.email, english.user.email])
    for email in outbox:
        assert len(email.to) == 1 and not email.cc and not email.bcc
        other = english if email.to[0] == french.user.email else french
        assert other.user.email not in email.body and other.name not in email.body
    english_email = next(email for email in outbox if email.to == [english.user.email])
    assert "Hello Sam" in english_email.body and "/en/alerts/unsubscribe/" in english_email.body


@pytest.mark.parametrize(
    "member_fields",
    [
        {"email_notifications": False},
        {"status": Member.Status.PENDING},
        {"status": Member.Status.REFUSED},
    ],
)
def test_only_approved_members_with_notifications_on_are_alerted(member_fields, saved_search, publish, area, outbox):
    saved_search(MemberFactory(**member_fields), "policy_area=lecture-publique")
    publish(policy_areas=[area])
    assert outbox == []


def test_no_alert_without_one_chosen(member, saved_search, publish, area, outbox):
    saved_search(member, "policy_area=lecture-publique", alert=SavedSearch.Alert.NONE)
    saved_search(member, "policy_area=lecture-publique", alert=SavedSearch.Alert.WEEKLY)
    publish(policy_areas=[area])
    assert outbox == []


def test_drafts_and_private_practices_never_alert(
    member, saved_search, publish, area, home, outbox, django_capture_on_commit_callbacks
):
    saved_search(member, "policy_area=lecture-publique")
    publish(policy_areas=[area], live=False)
    private_lab = PracticePageFactory.default_parent()
    PageViewRestriction.objects.create(page=private_lab, restriction_type=PageViewRestriction.PASSWORD, password="x")
    publish(policy_areas=[area], parent=private_lab)
    assert outbox == []


def test_a_search_whose_term_was_deleted_finds_nothing(member, saved_search, publish, area, other_area, outbox):
    saved_search(member, "policy_area=mobilite-douce")
    other_area.delete()  # the search page would ignore the filter and show everything
    publish(policy_areas=[area])
    assert outbox == []


def test_alerts_are_queued_after_the_search_index_is_updated(publish):
    """Without a transaction around the publication (a live server, a worker), the commit
    callback runs at once: the alerts step must come after the re-indexing one."""
    names = [step.name for step in pipeline.steps_for(publish())]
    alerts = names.index("alerts.tasks.queue_after_publication")
    assert alerts == len(names) - 1 and names.index("search.signals.reindex_translation_group") < alerts
    assert pipeline.steps["alerts.tasks.queue_after_publication"].stage == Stage.NOTIFY
