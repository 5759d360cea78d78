"""Delivering the note for elected officials: built once per plan version, language and format.

A note is asked for with :func:`note_for`. The first request for a (plan, version, language,
format) creates its :class:`~transpositions.models.Note` row, pending, and hands the build to
the background worker (``django_tasks``); the unique row is what makes identical requests
share one build: only the request that created it (or revived a build gone stale, or retried
a failed one) enqueues the task. In tests the immediate backend builds it at once.

An edited plan has a new version, hence a new note; once built, the plan's notes of older
versions are deleted (:func:`prune`). Notes live in the database, never in the public media
storage (see the model's docstring).
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django_tasks import task

from transpositions.models import Note, Plan
from transpositions.services.note import build_note
from transpositions.services.note_docx import note_docx
from transpositions.services.note_pdf import note_pdf

logger = logging.getLogger("transpositions")

STALE_SECONDS = 15 * 60  # a build still pending after this long is handed to the worker again


@dataclass(frozen=True)
class Format:
    code: str
    content_type: str
    render: object  # Note -> bytes


FORMATS = {
    "pdf": Format("pdf", "application/pdf", note_pdf),
    "docx": Format("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", note_docx),
}


def filename(plan: Plan, fmt: str) -> str:
    return f"{slugify(plan.title)[:80].strip('-') or 'note'}.{fmt}"


def current(plan: Plan, language: str, fmt: str) -> Note | None:
    """The note of the plan's current version, without its content (cheap), if asked for."""
    return Note.objects.defer("content").filter(plan=plan, version=plan.version, language=language, format=fmt).first()


def note_for(plan: Plan, language: str, fmt: str) -> Note:
    """The note of ``plan``'s current version, its build handed to the worker if it is new."""
    if fmt not in FORMATS:
        raise ValueError(f"No note format {fmt!r}.")
    found = current(plan, language, fmt)
    if found is None:
        try:
            with transaction.atomic():
                found = Note.objects.create(plan=plan, version=plan.version, language=language, format=fmt)
        except IntegrityError:  # an identical request created it first: it enqueued the build
            return current(plan, language, fmt)
        return enqueue(found)
    if found.state == Note.State.PENDING and found.requested_at < timezone.now() - timedelta(seconds=STALE_SECONDS):
        revived = Note.objects.filter(pk=found.pk, state=Note.State.PENDING, requested_at=found.requested_at)
        if revived.update(requested_at=timezone.now()):
            return enqueue(found)
    return found


def retry(note: Note) -> Note:
    """Build a failed note again (once, however many collaborators ask at the same time)."""
    if Note.objects.filter(pk=note.pk, state=Note.State.FAILED).update(
        state=Note.State.PENDING, requested_at=timezone.now()
    ):
        return enqueue(note)
    return Note.objects.defer("content").get(pk=note.pk)


def enqueue(note: Note) -> Note:
    build_note_file.enqueue(note.pk)
    return Note.objects.defer("content").get(pk=note.pk)  # built already by the immediate backend


def render(plan: Plan, language: str, fmt: str) -> bytes:
    """The note of ``plan`` as a file, in ``language`` (what the task and the benchmark run)."""
    with translation.override(language):
        return FORMATS[fmt].render(build_note(plan))


@task()
def build_note_file(note_id: int) -> str:
    """Build the note ``note_id``; a note of a plan edited since it was asked for is dropped."""
    note = Note.objects.defer("content").select_related("plan", "plan__territory").filter(pk=note_id).first()
    if note is None:
        return "gone"
    plan = note.plan
    if plan.version != note.version:
        note.delete()  # its readers ask again, for the new version
        return "stale"
    try:
        content = render(plan, note.language, note.format)
    except Exception:
        logger.exception("The note %s of a plan could not be built.", note.pk)
        Note.objects.filter(pk=note.pk).update(state=Note.State.FAILED)
        return Note.State.FAILED
    Note.objects.filter(pk=note.pk).update(
        state=Note.State.READY, content=content, filename=filename(plan, note.format), built_at=timezone.now()
    )
    prune(plan)
    return Note.State.READY


def prune(plan: Plan) -> int:
    """Delete the plan's notes of older versions."""
    removed, _by_model = Note.objects.filter(plan=plan, version__lt=plan.version).delete()
    return removed
