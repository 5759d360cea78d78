"""Background work of the alerts (django_tasks: the database worker in production, the
immediate backend in tests)."""

from functools import partial

from django.db import transaction
from django_tasks import task

from alerts.services import digest, follows, immediate


@task()
def practice_published(page_id: int) -> int:
    """The immediate alerts and follow notices of one publication; emails sent."""
    return immediate.alert_for_published(page_id) + follows.notify_followers(page_id)


@task()
def send_weekly_digest() -> int:
    """The weekly digest for every member (schedule it weekly, or run the command)."""
    return digest.send_weekly_digest().emails


def queue_after_publication(page) -> None:
    """Publishing pipeline step (``Stage.NOTIFY``): queue the alerts once the publication is committed."""
    transaction.on_commit(partial(practice_published.enqueue, page.pk))
