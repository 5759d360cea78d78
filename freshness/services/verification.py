"""Answering a reminder.

"Still accurate" sets the practice's last-verified date to today on every translation and
records who confirmed it, **without a new revision of the text**: the live rows are updated
in place, and so are the latest revision (a draft in progress: publishing it later keeps the
new date) and the live revision (what "revert" would restore), so the page and its history
agree. Then what readers are served is renewed as a publication would: the search index, the
cached fragments (content version) and the front-end cache (once committed).

"Needs an update" records the answer (the reminders stop) and sends the person to the editor.
"""

from django.db import transaction
from django.utils import timezone
from modelsearch.index import insert_or_update_object
from wagtail.models import Revision

from freshness.models import Reminder, Verification, new_nonce
from practices.models import PracticePage
from praxis.services.fragments import bump_content_version
from praxis.services.frontend_cache import purge_page


@transaction.atomic
def confirm_accurate(translation_key, *, email: str, user_pk: int | None = None, today=None) -> Verification:
    today = today or timezone.localdate()
    pages = list(PracticePage.objects.filter(translation_key=translation_key).order_by("pk"))
    PracticePage.objects.filter(translation_key=translation_key).update(last_verified=today)
    revision_ids = {pk for page in pages for pk in (page.latest_revision_id, page.live_revision_id) if pk}
    for revision in Revision.objects.filter(pk__in=revision_ids).only("pk", "content"):
        content = dict(revision.content)
        content["last_verified"] = today.isoformat()
        Revision.objects.filter(pk=revision.pk).update(content=content)
    answered(translation_key, Reminder.Answer.ACCURATE, email)
    verification = Verification.objects.create(
        translation_key=translation_key,
        page=pages[0] if pages else None,
        verified_on=today,
        user_id=user_pk,
        email=email,
    )
    for page in pages:
        page.last_verified = today
        if page.live:
            purge_page(page)
    transaction.on_commit(lambda: reindex(pages))
    bump_content_version()
    return verification


def reindex(pages) -> None:
    for page in pages:
        insert_or_update_object(page)


def answered(translation_key, answer: str, email: str) -> None:
    """Close the round: its links stop working (a new nonce), no more reminders."""
    Reminder.objects.filter(translation_key=translation_key).update(
        answered_at=timezone.now(), answer=answer, answered_by=email, nonce=new_nonce()
    )


@transaction.atomic
def needs_update(translation_key, *, email: str) -> None:
    answered(translation_key, Reminder.Answer.UPDATE, email)
