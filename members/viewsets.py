"""Admin for the network team: public body domains, members to review, relayed messages.

Permissions come from the editorial set-up (``managed_by_network_team`` on each model): the team
edits domains, views and decides on members (never adds them), reads relayed messages."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from members.models import Member, PublicBodyDomain, RelayMessage
from members.trust import decide
from praxis.admin_refusals import ModelCreateView, ModelDeleteView, ModelEditView, ModelIndexView, ModelInspectView


class DecisionForm(forms.ModelForm):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[(Member.Status.APPROVED, _("Approve")), (Member.Status.REFUSED, _("Refuse"))],
        widget=forms.RadioSelect,
        help_text=_("The member is told by email, in their language."),
    )

    class Meta:
        model = Member
        fields = ["status"]


class DecisionView(ModelEditView):
    """Approve or refuse: the only change the team makes to a member (decided_at, email)."""

    def save_instance(self):
        member = Member.objects.get(pk=self.object.pk)
        decide(member, self.form.cleaned_data["status"])
        return member


class PublicBodyDomainViewSet(ModelViewSet):
    model = PublicBodyDomain
    name = "public_body_domains"
    index_view_class = ModelIndexView
    add_view_class = ModelCreateView
    edit_view_class = ModelEditView
    delete_view_class = ModelDeleteView
    icon = "globe"
    form_fields = ["pattern", "note"]
    list_display = ["pattern", "note"]
    search_fields = ["pattern", "note"]
    search_backend_name = None
    copy_view_enabled = False


class MemberReviewViewSet(ModelViewSet):
    model = Member
    name = "member_review"
    icon = "user"
    index_view_class = ModelIndexView
    edit_view_class = DecisionView
    inspect_view_class = ModelInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = [
        "__str__",
        "organisation",
        Column("email", label=_("email"), accessor=lambda member: member.user.email),
        "status",
        DateColumn("created_at", label=_("signed up")),
    ]
    list_filter = ["status"]
    search_fields = ["name", "organisation", "user__email"]
    search_backend_name = None
    inspect_view_fields = [
        "name",
        "email",
        "organisation",
        "role",
        "territory_name",
        "status",
        "created_at",
        "decided_at",
    ]
    ordering = ["-created_at"]

    def get_form_class(self, for_update=False):
        return DecisionForm

    def get_queryset(self, request):
        return Member.objects.select_related("user")


class RelayMessageViewSet(ModelViewSet):
    model = RelayMessage
    name = "relayed_messages"
    icon = "mail"
    index_view_class = ModelIndexView
    inspect_view_class = ModelInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []
    list_display = [
        "subject",
        "member",
        "page_title",
        "recipient_kind",
        DateColumn("sent_at", label=_("sent")),
        "answered_at",
    ]
    list_filter = ["recipient_kind"]
    inspect_view_fields = [
        "member",
        "page_title",
        "recipient_kind",
        "subject",
        "body",
        "sent_at",
        "answer",
        "answered_at",
    ]


class MembersGroup(ViewSetGroup):
    menu_label = _("Members")
    menu_icon = "group"
    menu_order = 250
    items = (MemberReviewViewSet, PublicBodyDomainViewSet, RelayMessageViewSet)
