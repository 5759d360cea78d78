"""The note for elected officials, for any collaborator of the plan (readers included).

``note`` sends the file at once when the current note is built; else it shows a progress
page that follows the build (a static script polling ``note_status``; without JavaScript a
refresh, and a "check again" link) and starts the download when it is ready. A failed build
says so and can be asked again (``note_retry``). Every answer is private and never stored
by a cache: the note is a private plan's content.
"""

import io

from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from members.access import member_required
from transpositions import notes
from transpositions.access import plan_for
from transpositions.models import Note

REFRESH_SECONDS = 4


def private(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def plan_and_format(request, plan_id, fmt):
    if fmt not in notes.FORMATS:
        raise Http404("No such note format.")
    return plan_for(request.member, plan_id)


def download(note: Note):
    content = Note.objects.values_list("content", flat=True).get(pk=note.pk)
    response = FileResponse(
        io.BytesIO(bytes(content)),
        as_attachment=True,
        filename=note.filename or f"note.{note.format}",
        content_type=notes.FORMATS[note.format].content_type,
    )
    return private(response)


@require_GET
@member_required
def note(request, plan_id, fmt):
    plan = plan_and_format(request, plan_id, fmt)
    found = notes.note_for(plan, request.member.language, fmt)
    if found.state == Note.State.READY:
        return download(found)
    context = {
        "plan": plan,
        "format": fmt,
        "failed": found.state == Note.State.FAILED,
        "note_url": reverse("transpositions:note", args=[plan.pk, fmt]),
        "status_url": reverse("transpositions:note_status", args=[plan.pk, fmt]),
        "retry_url": reverse("transpositions:note_retry", args=[plan.pk, fmt]),
        "refresh_seconds": REFRESH_SECONDS,
    }
    return private(TemplateResponse(request, "transpositions/note_progress.html", context).render())


@require_GET
@member_required
def note_status(request, plan_id, fmt):
    """``{"state": "pending" | "ready" | "failed", "url": …}`` for the progress page's script."""
    plan = plan_and_format(request, plan_id, fmt)
    found = notes.note_for(plan, request.member.language, fmt)
    body = {
        "state": found.state,
        "url": reverse("transpositions:note", args=[plan.pk, fmt]) if found.state == Note.State.READY else None,
    }
    return private(JsonResponse(body))


@require_POST
@member_required
def note_retry(request, plan_id, fmt):
    plan = plan_and_format(request, plan_id, fmt)
    found = notes.current(plan, request.member.language, fmt)
    if found is not None and found.state == Note.State.FAILED:
        notes.retry(found)
    return redirect("transpositions:note", plan_id=plan.pk, fmt=fmt)
