"""Admin: the "Shared by members" listing (submitter, organisation, lab, status, the draft
practice), a "Submitted by …" entry in each submitted practice's menu in the page explorer and
header; submitted documents served to nobody but authors and editors before publication."""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from contributions.models import Submission, SubmissionFile
from praxis.admin_refusals import ModelIndexView, ModelInspectView


def submitter(submission) -> str:
    member = submission.member
    if member is None:
        return _("(account deleted)")
    return f"{member.name} ({member.organisation})" if member.organisation else member.name


class SubmissionViewSet(ModelViewSet):
    model = Submission
    name = "submissions"
    icon = "form"
    menu_label = _lazy("Shared by members")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = ModelIndexView
    inspect_view_class = ModelInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []
    list_display = [
        "__str__",
        Column("member", label=_lazy("submitted by"), accessor=submitter),
        "lab",
        "status",
        DateColumn("updated_at", label=_lazy("last saved")),
    ]
    list_filter = ["status"]
    inspect_view_fields = ["member", "coauthors", "lab", "page", "status", "language", "submitted_at", "updated_at"]

    def get_queryset(self, request):
        return Submission.objects.select_related("member__user", "lab", "page")


@hooks.register("register_admin_viewset")
def register_submissions_admin():
    return SubmissionViewSet()


def _submitter_button(page, user, priority):
    submission = Submission.objects.filter(page_id=page.pk).select_related("member").first()
    if submission is None or not user.has_perm("wagtailadmin.access_admin"):
        return
    label = _("Submitted by %(who)s") % {"who": submitter(submission)}
    if user.has_perm("contributions.view_submission"):
        url = reverse("submissions:inspect", args=[submission.pk])
    else:
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    yield Button(label, url, icon_name="user", priority=priority)


@hooks.register("register_page_listing_more_buttons")
def submitter_in_listing(page, user, next_url=None):
    yield from _submitter_button(page, user, 1)


@hooks.register("register_page_header_buttons")
def submitter_in_header(page, user, view_name, next_url=None):
    yield from _submitter_button(page, user, 1)


@hooks.register("before_serve_document", order=-1)
def hide_submitted_documents(document, request):
    """Before publication, a submitted document exists for its authors and for editors only."""
    attached = SubmissionFile.objects.filter(document=document, published=False).select_related("submission")
    if not attached.exists():
        return None
    user = request.user
    if user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return None
    member = getattr(user, "member", None) if user.is_authenticated else None
    if member is not None and any(
        file.submission.member_id == member.pk or file.submission.coauthors.filter(pk=member.pk).exists()
        for file in attached
    ):
        return None
    raise Http404
