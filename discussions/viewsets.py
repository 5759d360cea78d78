"""Admin for the network team: questions and answers to moderate, and the moderation log.

Permissions come from the editorial set-up (``managed_by_network_team`` on each model): the
team views and decides on posts (approve, dismiss a report, hide, remove, restore; a reason
for hiding or removing), never writes or deletes them; it reads the log."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from discussions.models import REASON_MAX_CHARS, ModerationEvent, Post
from discussions.services import posting
from praxis.admin_refusals import ModelEditView, ModelIndexView, ModelInspectView
from praxis.form_fields import ParagraphsField


class DecisionForm(forms.ModelForm):
    action = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    reason = ParagraphsField(
        label=_("Reason"),
        required=False,
        max_length=REASON_MAX_CHARS,
        help_text=_("Required to hide or remove a post; kept in the moderation log, never shown in public."),
    )

    class Meta:
        model = Post
        fields = []

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(ModerationEvent.Action.choices)
        self.fields["action"].choices = [(a, labels[a]) for a in posting.possible_decisions(self.instance)]

    def clean(self):
        data = super().clean()
        if data.get("action") in posting.NEEDS_REASON and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say why: the reason is kept in the moderation log."))
        return data


class DecisionView(ModelEditView):
    """The only change the team makes to a post: a decision, logged with its reason."""

    def save_instance(self):
        data = self.form.cleaned_data
        return posting.decide(self.object, data["action"], self.request.user, data.get("reason") or "")


def excerpt(post) -> str:
    return str(post)


class PostViewSet(ModelViewSet):
    model = Post
    name = "discussion_posts"
    icon = "help"
    menu_label = _("Questions and answers")
    index_view_class = ModelIndexView
    edit_view_class = DecisionView
    inspect_view_class = ModelInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = [
        Column("excerpt", label=_("text"), accessor=excerpt),
        Column("kind", label=_("kind"), accessor="kind_label"),
        "practice",
        "author",
        "status",
        DateColumn("reported_at", label=_("reported")),
        DateColumn("created_at", label=_("written")),
    ]
    list_filter = ["status", "author_role", "language"]
    search_fields = ["body", "author__name", "author__organisation"]
    search_backend_name = None
    inspect_view_fields = [
        "body",
        "practice",
        "question",
        "author",
        "author_role",
        "language",
        "status",
        "created_at",
        "published_at",
        "reported_at",
    ]
    ordering = ["-reported_at", "-created_at"]

    def get_form_class(self, for_update=False):
        return DecisionForm

    def get_queryset(self, request):
        return Post.objects.select_related("practice", "author")


class ModerationLogViewSet(ModelViewSet):
    model = ModerationEvent
    name = "moderation_log"
    icon = "list-ul"
    index_view_class = ModelIndexView
    inspect_view_class = ModelInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    form_fields = []
    list_display = ["post", "action", "actor", "reason", DateColumn("at", label=_("when"))]
    list_filter = ["action"]
    inspect_view_fields = ["post", "action", "actor", "reason", "at"]
    ordering = ["-at"]

    def get_queryset(self, request):
        return ModerationEvent.objects.select_related("post", "actor")


class DiscussionsGroup(ViewSetGroup):
    menu_label = _("Questions and answers")
    menu_icon = "help"
    menu_order = 260
    items = (PostViewSet, ModerationLogViewSet)
