"""The review workflow, seen from a submission: its status follows Wagtail's workflow signals
and each step is emailed to the authors (after the transaction, by the worker)."""

from functools import partial

from django.db import transaction
from wagtail.signals import page_published, task_rejected, workflow_submitted

from contributions.models import Submission
from contributions.tasks import send_to_authors


def _submission_of(page_id) -> Submission | None:
    return Submission.objects.filter(page_id=page_id).first()


def _tell(submission: Submission, template: str, comment: str = "") -> None:
    transaction.on_commit(partial(send_to_authors.enqueue, submission.pk, template, comment))


def on_workflow_submitted(sender, instance, user=None, **kwargs):
    submission = _submission_of(instance.object_id)
    if submission is not None:
        _tell(submission, "received")


def on_task_rejected(sender, instance, user=None, **kwargs):
    submission = _submission_of(instance.workflow_state.object_id)
    if submission is None:
        return
    Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.CHANGES_REQUESTED)
    _tell(submission, "changes_requested", instance.get_comment() or "")


def on_page_published(sender, instance, **kwargs):
    submission = _submission_of(instance.pk)
    if submission is None or submission.status == Submission.Status.PUBLISHED:
        return
    Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.PUBLISHED)
    submission.files.update(published=True)
    _tell(submission, "published")


def connect():
    workflow_submitted.connect(on_workflow_submitted, dispatch_uid="contributions.workflow_submitted")
    task_rejected.connect(on_task_rejected, dispatch_uid="contributions.task_rejected")
    page_published.connect(on_page_published, dispatch_uid="contributions.page_published")
