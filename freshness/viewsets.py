"""Admin: the record of "still accurate" answers (who confirmed which practice, when), read by
the network team (``managed_by_network_team = ("view",)``: no one adds or edits it)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from freshness.models import Verification
from praxis.admin_refusals import ModelCreateView, ModelDeleteView, ModelEditView, ModelIndexView


class IndexView(ModelIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page")


class VerificationViewSet(ModelViewSet):
    model = Verification
    name = "verifications"
    icon = "tick-inverse"
    menu_label = _("Verifications")
    add_to_admin_menu = True
    menu_order = 900
    index_view_class = IndexView
    add_view_class = ModelCreateView
    edit_view_class = ModelEditView
    delete_view_class = ModelDeleteView
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = []
    list_display = ["practice_title", "email", DateColumn("verified_on", label=_("verified on"))]
