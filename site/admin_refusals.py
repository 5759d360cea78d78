"""Admin views that answer HTTP 403 when the user may not do what they ask.

Wagtail's admin views raise ``PermissionDenied`` and its admin decorator turns it into a
redirect to the dashboard with a message: a lab editor opening another lab's page got a
302. ``ForbiddenOnRefusal`` catches the refusal in the view and answers 403 with a page
that says why. Praxis registers its own viewset for every page type (``wagtail_hooks``)
whose views that change a page or the tree use it; the vocabularies' viewsets use it too
(``practices.viewsets``), and the model viewsets' views below (members, freshness,
contributions, discussions). Requests that do not accept HTML (autosave, XHR) keep Wagtail's
behaviour.
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from wagtail.admin.views import generic
from wagtail.admin.views.pages.copy import CopyView
from wagtail.admin.views.pages.create import AddSubpageView, CreateView
from wagtail.admin.views.pages.delete import DeleteView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.move import MoveChooseDestinationView, MoveConfirmView
from wagtail.admin.views.pages.revisions import RevisionsRevertView
from wagtail.admin.views.pages.unpublish import UnpublishView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

PERMISSION_DENIED_TEMPLATE = "praxis/admin/permission_denied.html"


def permission_denied_page(request):
    return TemplateResponse(request, PERMISSION_DENIED_TEMPLATE, status=403)


class ForbiddenOnRefusal:
    """Answers 403 instead of Wagtail's redirect when the view refuses the user (mixed in
    before a Wagtail admin view class)."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            if request.headers.get("x-requested-with") == "XMLHttpRequest" or not request.accepts("text/html"):
                raise
            return permission_denied_page(request)


class PageEditView(ForbiddenOnRefusal, EditView):
    pass


class PageRevisionsRevertView(ForbiddenOnRefusal, RevisionsRevertView):
    pass


class PageCreateView(ForbiddenOnRefusal, CreateView):
    pass


class PageAddSubpageView(ForbiddenOnRefusal, AddSubpageView):
    pass


class PageDeleteView(ForbiddenOnRefusal, DeleteView):
    pass


class PageUnpublishView(ForbiddenOnRefusal, UnpublishView):
    pass


class PageMoveView(ForbiddenOnRefusal, MoveChooseDestinationView):
    pass


class PageMoveConfirmView(ForbiddenOnRefusal, MoveConfirmView):
    pass


class PageCopyView(ForbiddenOnRefusal, CopyView):
    pass


class PageWorkflowActionView(ForbiddenOnRefusal, WorkflowActionView):
    pass


class PraxisPageViewSet(PageViewSet):
    """Wagtail's default views for every page type, but refusals answer 403."""

    model = Page
    edit_view_class = PageEditView
    revisions_revert_view_class = PageRevisionsRevertView
    add_view_class = PageCreateView
    add_subpage_view_class = PageAddSubpageView
    delete_view_class = PageDeleteView
    unpublish_view_class = PageUnpublishView
    move_view_class = PageMoveView
    move_confirm_view_class = PageMoveConfirmView
    copy_view_class = PageCopyView
    workflow_action_view_class = PageWorkflowActionView


# Model viewsets' views (``wagtail.admin.viewsets.model.ModelViewSet``)


class ModelIndexView(ForbiddenOnRefusal, generic.IndexView):
    pass


class ModelInspectView(ForbiddenOnRefusal, generic.InspectView):
    pass


class ModelCreateView(ForbiddenOnRefusal, generic.CreateView):
    pass


class ModelEditView(ForbiddenOnRefusal, generic.EditView):
    pass


class ModelDeleteView(ForbiddenOnRefusal, generic.DeleteView):
    pass
