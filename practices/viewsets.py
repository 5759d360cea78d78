"""Admin: the flat list of practices, filterable."""

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import BulkActionsColumn, PageStatusColumn, PageTitleColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet

from practices.filters import PracticeFilterSet
from practices.models import PracticePage


def verification_label(practice) -> str:
    if practice.last_verified is None:
        return _("Never (stale)")
    verified = date_format(practice.last_verified, "SHORT_DATE_FORMAT")
    return _("%(date)s (stale)") % {"date": verified} if practice.is_stale else verified


class PracticeIndexView(IndexView):
    def get_base_queryset(self):
        # The labs column: one query for the whole page of results.
        return super().get_base_queryset().prefetch_related("labs")


class PracticeListingViewSet(PageListingViewSet):
    """Every practice in every lab and language, filterable; the "stale" filter finds the
    practices nobody has checked in 18 months."""

    model = PracticePage
    name = "practices"
    icon = "doc-full-inverse"
    menu_label = _("Practices")
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = PracticeIndexView
    filterset_class = PracticeFilterSet
    columns = [
        BulkActionsColumn("bulk_actions"),
        PageTitleColumn("title", label=_("Title"), sort_key="title", classname="title"),
        Column("labs", label=_("Labs"), accessor=lambda practice: ", ".join(lab.title for lab in practice.labs.all())),
        Column(
            "lifecycle_stage",
            label=_("Stage"),
            accessor=lambda practice: practice.get_lifecycle_stage_display(),
            sort_key="lifecycle_stage",
        ),
        Column("last_verified", label=_("Last verified"), accessor=verification_label, sort_key="last_verified"),
        PageStatusColumn("status", label=_("Status"), sort_key="live"),
    ]
