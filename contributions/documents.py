"""Documents members attach: checked by content (contributions.uploads), stored as Wagtail
documents in the lab's collection (the root collection for the inbox), served to nobody but the
submission's authors and the editors until the practice is published (the
``before_serve_document`` hook in wagtail_hooks)."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST
from wagtail.documents import get_document_model
from wagtail.models import Collection

from contributions.access import submission_for
from contributions.forms import DocumentForm
from contributions.models import SubmissionFile
from members.access import member_required
from members.models import Member
from praxis.services.editorial import editors_group_of


def coauthor_for(email: str) -> Member | None:
    return (
        Member.objects.filter(status=Member.Status.APPROVED, user__email__iexact=email.strip())
        .select_related("user")
        .first()
    )


def collection_for(submission) -> Collection:
    """The lab's collection (where its editors upload), else the root collection."""
    root = Collection.get_first_root_node()
    group = editors_group_of(submission.lab) if submission.lab else None
    if group is None:
        return root
    owned = (
        Collection.objects.filter(
            group_permissions__group=group, group_permissions__permission__codename="add_document"
        )
        .exclude(pk=root.pk)
        .order_by("pk")
        .first()
    )
    return owned or root


def too_large(request) -> bool:
    """Refused before Django reads the body: the announced length is over the limit."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return True
    return length > settings.PRAXIS_CONTRIBUTION_MAX_UPLOAD_BYTES + 64 * 1024


@csrf_exempt  # checked below, once the announced size is known to be acceptable
@member_required
@require_POST
def upload(request, pk):
    """A file too large is refused before its body is read (the CSRF check reads it)."""
    submission = submission_for(request, pk)
    if too_large(request):
        limit = settings.PRAXIS_CONTRIBUTION_MAX_UPLOAD_BYTES // (1024 * 1024)
        messages.error(request, _("This file is too large: %(size)s MB at most.") % {"size": limit})
        return redirect("contributions:step", submission.pk, "documents")
    return _upload(request, submission)


@csrf_protect
def _upload(request, submission):
    back = redirect("contributions:step", submission.pk, "documents")
    if not submission.editable:
        return back
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return back
    upload_file = form.cleaned_data["file"]
    base = (upload_file.name.rsplit(".", 1)[0] or "document")[:80]
    upload_file.name = f"{base}.{form.kind}"  # the name says what the content is
    document = get_document_model().objects.create(
        title=form.cleaned_data["title"],
        file=upload_file,
        collection=collection_for(submission),
        uploaded_by_user=request.user,
    )
    SubmissionFile.objects.create(
        submission=submission, document=document, title=document.title, licence=form.cleaned_data["licence"]
    )
    messages.success(request, _("The document was added. It will be published with the practice, after review."))
    return back


@member_required
@require_POST
def remove(request, pk, file_id):
    submission = submission_for(request, pk)
    attached = get_object_or_404(submission.files.select_related("document"), pk=file_id)
    if submission.editable and not attached.published:
        document = attached.document
        attached.delete()
        document.delete()
        messages.success(request, _("The document was removed."))
    return redirect("contributions:step", submission.pk, "documents")
