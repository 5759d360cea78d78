""" "Still accurate" changes the date, not the text: no new revision; a draft published later
keeps the new date; the page readers see, its translations, the search index, the fragments
and the front-end cache all follow."""

import pytest
from django.utils import formats, timezone
from factories.freshness import StalePracticeFactory, days_ago
from factories.translations import translate_page
from html_helpers import soup_of, text
from wagtail.models import Revision

from freshness.services.verification import confirm_accurate
from practices.models import PracticePage
from praxis.services.fragments import content_version

pytestmark = pytest.mark.django_db


def test_still_accurate_makes_no_new_revision_and_updates_every_translation(
    lab, client, frontend_cache_sent, django_capture_on_commit_callbacks
):
    practice = StalePracticeFactory(parent=lab, title="Cantine bio", last_verified=days_ago(600))
    english = translate_page(practice, "en", title="Organic canteen")
    revisions = Revision.objects.count()
    page_text = client.get(practice.url).content.decode()
    assert "plus de 18 mois" in page_text  # readers' notice: not verified for over 18 months
    version = content_version()
    frontend_cache_sent.clear()

    with django_capture_on_commit_callbacks(execute=True):
        confirm_accurate(practice.translation_key, email="edith@lab-ouest.fr")

    today = timezone.localdate()
    assert Revision.objects.count() == revisions
    for page in (practice, english):
        page = PracticePage.objects.get(pk=page.pk)
        assert page.last_verified == today
        assert page.latest_revision.content["last_verified"] == today.isoformat()
        assert page.live_revision.content["last_verified"] == today.isoformat()
        assert not page.has_unpublished_changes
    assert content_version() > version
    purged = {url for method, url in frontend_cache_sent if method == "PURGE"}
    assert practice.full_url in purged and english.full_url in purged

    soup = soup_of(client.get(practice.url))
    assert soup.select_one(".notice--stale") is None
    assert formats.date_format(today, "DATE_FORMAT") in text(soup)


def test_a_draft_published_after_the_answer_keeps_the_new_date(lab, editor):
    practice = StalePracticeFactory(parent=lab, title="Cantine bio")
    draft = PracticePage.objects.get(pk=practice.pk)
    draft.summary = "Un résumé revu, pas encore publié."
    draft.save_revision()  # a draft in progress, with the old date

    confirm_accurate(practice.translation_key, email=editor.email)
    latest = PracticePage.objects.get(pk=practice.pk).latest_revision
    latest.publish()

    published = PracticePage.objects.get(pk=practice.pk)
    assert published.summary == "Un résumé revu, pas encore publié."
    assert published.last_verified == timezone.localdate()


def test_an_older_revision_restored_still_carries_the_old_date(lab, editor):
    """Only the live and latest revisions carry the new date: history stays what it was."""
    practice = StalePracticeFactory(parent=lab)
    first = practice.latest_revision
    practice.summary = "Deuxième version."
    practice.save_revision().publish()
    confirm_accurate(practice.translation_key, email=editor.email)
    first.refresh_from_db()
    assert first.content["last_verified"] == days_ago(400).isoformat()
