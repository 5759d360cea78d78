"""The guided submission in the public site: one step per section, saved on each step and
autosaved while typing (contributions/static/contributions/autosave.js), a preview that looks
like the published page, then review."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from contributions import documents, services
from contributions.access import mine, submission_for
from contributions.forms import DocumentForm, InviteForm, StepForm, SubmitForm, initial_for
from contributions.models import Submission
from contributions.steps import neighbours, step_named, steps
from contributions.tasks import send_received_for_coauthor
from members.access import member_required
from practices.models import PracticePage


def _context(submission, **extra):
    return {"submission": submission, "steps": steps(), "completeness": services.completeness(submission), **extra}


@member_required
@require_GET
def index(request):
    submissions = mine(request.member).select_related("page", "lab")
    return TemplateResponse(request, "contributions/index.html", {"submissions": submissions})


@member_required
@require_POST
def start(request):
    submission = Submission.objects.create(member=request.member, language=request.member.language)
    return redirect("contributions:step", submission.pk, steps()[0].slug)


def _not_editable(request, submission):
    messages.info(request, _("This practice is published: write to the editors to change it."))
    return redirect("contributions:preview", submission.pk)


@member_required
@require_http_methods(["GET", "POST"])
def step(request, pk, slug):
    submission = submission_for(request, pk)
    current = step_named(slug)
    if current is None:
        raise Http404
    if not submission.editable:
        return _not_editable(request, submission)
    previous, following = neighbours(current)
    if request.method == "POST":
        form = StepForm(current, request.POST)
        if form.is_valid():
            submission.data = {**submission.data, **form.values()}
            submission.save(update_fields=["data", "updated_at"])
            if "previous" in request.POST and previous:
                return redirect("contributions:step", submission.pk, previous.slug)
            if following:
                return redirect("contributions:step", submission.pk, following.slug)
            return redirect("contributions:preview", submission.pk)
    else:
        form = StepForm(current, initial=initial_for(current, submission.data))
    context = _context(
        submission,
        step=current,
        number=steps().index(current) + 1,
        form=form,
        previous=previous,
        following=following,
        document_form=DocumentForm() if current.files else None,
        files=submission.files.all() if current.files else (),
        max_upload_mb=settings.PRAXIS_CONTRIBUTION_MAX_UPLOAD_BYTES // (1024 * 1024),
    )
    return TemplateResponse(request, "contributions/step.html", context, status=400 if form.errors else 200)


@member_required
@require_POST
def autosave(request, pk, slug):
    """What the member typed so far (JSON): the fields that validate are kept, the others reported."""
    submission = submission_for(request, pk)
    current = step_named(slug)
    if current is None or not submission.editable:
        return JsonResponse({"saved": False}, status=404 if current is None else 409)
    form = StepForm(current, request.POST)
    form.is_valid()
    submission.data = {**submission.data, **form.values()}
    submission.save(update_fields=["data", "updated_at"])
    return JsonResponse(
        {
            "saved": True,
            "errors": {name: [str(error) for error in errors] for name, errors in form.errors.items()},
            "percent": services.completeness(submission)["percent"],
        }
    )


def _preview_page(submission) -> PracticePage:
    return services.apply(submission, PracticePage())


@member_required
@require_http_methods(["GET", "POST"])
def preview(request, pk):
    submission = submission_for(request, pk)
    # The lab is chosen once, before the first sending.
    labs = services.labs_for(submission.member or request.member) if submission.page_id is None else []
    status = 200
    if request.method == "POST" and submission.editable:
        form = SubmitForm(labs, request.POST)
        if form.is_valid():
            if labs and submission.page is None:
                submission.lab = next(lab for lab in labs if lab.pk == form.cleaned_data["lab"])
                submission.data = {**submission.data, "lab_id": submission.lab.pk}
                submission.save(update_fields=["lab", "data", "updated_at"])
            if services.lab_gone(submission) and submission.page is None:
                form.add_error(None, _("The lab you chose no longer exists: choose another one."))
            else:
                try:
                    first = submission.page is None
                    services.submit(submission, request.user)
                except services.SubmissionError as error:
                    form.add_error(None, str(error))
                else:
                    if first:
                        messages.success(request, _("Thank you: your practice was sent to the editors for review."))
                    else:
                        messages.success(request, _("Your changes were sent to the editors."))
                    return redirect("contributions:index")
        status = 400
    else:
        form = SubmitForm(labs, initial={"lab": submission.lab_id})
    context = _context(
        submission,
        practice=_preview_page(submission),
        form=form,
        labs=labs,
        lab_gone=services.lab_gone(submission),
        invite_form=InviteForm(),
    )
    return TemplateResponse(request, "contributions/preview.html", context, status=status)


@member_required
@require_POST
def invite(request, pk):
    submission = submission_for(request, pk)
    form = InviteForm(request.POST)
    if form.is_valid():
        coauthor = documents.coauthor_for(form.cleaned_data["email"])
        if coauthor is None or coauthor == submission.member:
            messages.error(request, _("No approved member has this email address."))
        else:
            submission.coauthors.add(coauthor)
            send_received_for_coauthor.enqueue(submission.pk, coauthor.pk)
            messages.success(request, _("The co-author was invited: they can now edit this practice."))
    else:
        messages.error(request, _("Enter a valid email address."))
    return redirect(reverse("contributions:preview", args=[submission.pk]) + "#coauthors")
