"""Admin: the outcomes members shared, reviewed by the source lab's editors or the network team.

Why a moderation viewset rather than Wagtail's workflow on a snippet: an outcome is written by
a member outside the admin, never edited by reviewers, and decided once (approve or reject
with a comment). A workflow would need draft and revision machinery, a custom task model to
let "the source lab's editors OR the network team" approve, and its own notifications; this
viewset (as ``discussions.viewsets``) asks the same people, through the same groups
(``praxis.services.editorial``), with less to maintain. Who may review is decided per outcome
by ``transpositions.services.outcomes`` (``may_review``, ``reviewable_by``), not by model
permissions: a lab's editors see their own labs' practices' outcomes only.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from praxis.admin_refusals import ModelEditView, ModelIndexView, ModelInspectView
from praxis.form_fields import ParagraphsField
from transpositions.models import TEXT_MAX, Outcome
from transpositions.services import outcomes
from transpositions.services.outcomes import REVIEW_VIEWSET


class ReviewerPolicy(BasePermissionPolicy):
    """Reviewers view and decide (``change``); nobody adds or deletes outcomes in the admin."""

    actions = ("view", "change")

    def user_has_permission(self, user, action):
        return action in self.actions and self.reviews(user)

    def user_has_any_permission(self, user, actions):
        return any(action in self.actions for action in actions) and self.reviews(user)

    @staticmethod
    def reviews(user) -> bool:
        """The team always; a lab's editors once there is an outcome of their lab's practices."""
        if not (user.is_authenticated and user.is_active):
            return False
        return outcomes.is_team(user) or outcomes.reviewable_by(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return action in self.actions and outcomes.may_review(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(action in self.actions for action in actions) and outcomes.may_review(user, instance)

    def instances_user_has_permission_for(self, user, action):
        return outcomes.reviewable_by(user) if action in self.actions else Outcome.objects.none()

    def instances_user_has_any_permission_for(self, user, actions):
        if any(action in self.actions for action in actions):
            return outcomes.reviewable_by(user)
        return Outcome.objects.none()


register_permission_policy(Outcome, ReviewerPolicy(Outcome))


class DecisionForm(forms.ModelForm):
    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[("approve", _("Approve: show it on the practice")), ("reject", _("Reject"))],
    )
    comment = ParagraphsField(
        label=_("Comment to the member"),
        required=False,
        max_length=TEXT_MAX,
        help_text=_("Sent to the member who shared it. Say why when you reject it."),
    )

    class Meta:
        model = Outcome
        fields = []

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not (data.get("comment") or "").strip():
            self.add_error("comment", _("Say why: the member who shared it is told."))
        return data


class ReviewedObjectMixin:
    def get_object(self, queryset=None):
        outcome = get_object_or_404(Outcome.objects.select_related("practice", "submitted_by"), pk=self.kwargs["pk"])
        if not outcomes.may_review(self.request.user, outcome):
            raise PermissionDenied
        return outcome


class DecisionView(ReviewedObjectMixin, ModelEditView):
    def save_instance(self):
        data = self.form.cleaned_data
        return outcomes.decide(self.object, self.request.user, data["decision"] == "approve", data.get("comment") or "")


class OutcomeInspectView(ReviewedObjectMixin, ModelInspectView):
    pass


class OutcomeIndexView(ModelIndexView):
    def get_base_queryset(self):
        return outcomes.reviewable_by(self.request.user)


def source(outcome) -> str:
    return outcomes.source_title(outcome)


class OutcomeViewSet(ModelViewSet):
    model = Outcome
    name = REVIEW_VIEWSET
    icon = "tick-inverse"
    menu_label = _("Shared outcomes")
    menu_order = 270
    add_to_admin_menu = True
    index_view_class = OutcomeIndexView
    edit_view_class = DecisionView
    inspect_view_class = OutcomeInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = [
        "territory_name",
        Column("source", label=_("source practice"), accessor=source),
        "outcome",
        "review",
        DateColumn("submitted_at", label=_("shared")),
    ]
    list_filter = ["review", "outcome", "language"]
    inspect_view_fields = [
        "practice",
        "territory_name",
        "outcome",
        "kept",
        "what_changed",
        "result",
        "failures",
        "language",
        "submitted_at",
        "review",
        "review_comment",
        "reviewed_at",
    ]
    ordering = ["review", "-submitted_at"]

    def get_form_class(self, for_update=False):
        return DecisionForm
