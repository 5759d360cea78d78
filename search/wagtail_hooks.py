"""Admin: the report of searches that found nothing (last 90 days), for the editorial team."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from search.services.zero_results import REPORT_DAYS, report

EDITOR_PERMISSIONS = ["add", "change", "publish"]


class ZeroResultSearchesView(ReportView):
    page_title = _("Searches without results")
    header_icon = "search"
    index_url_name = "search_zero_results"
    index_results_url_name = "search_zero_results_results"
    any_permission_required = EDITOR_PERMISSIONS
    paginate_by = 100
    columns = [
        Column("query", label=_("Search"), sort_key="query"),
        Column("language", label=_("Language"), sort_key="language"),
        Column("total", label=_("Times"), sort_key="total"),
        DateColumn("last_seen", label=_("Last searched"), sort_key="last_seen"),
    ]
    default_ordering = "-total"
    list_export = ["query", "language", "total", "last_seen"]
    export_headings = {
        "query": _("Search"),
        "language": _("Language"),
        "total": _("Times"),
        "last_seen": _("Last searched"),
    }

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(Page)

    def get_base_queryset(self):
        return report(REPORT_DAYS)

    def get_queryset(self):
        return self.order_queryset(self.get_base_queryset())

    def get_filename(self):
        return "searches-without-results"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["page_subtitle"] = _("The last %(days)s days: what readers looked for and did not find.") % {
            "days": REPORT_DAYS
        }
        return context


class ZeroResultSearchesMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_any_permission(request.user, EDITOR_PERMISSIONS)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/searches-without-results/", ZeroResultSearchesView.as_view(), name="search_zero_results"),
        path(
            "reports/searches-without-results/results/",
            ZeroResultSearchesView.as_view(results_only=True),
            name="search_zero_results_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ZeroResultSearchesMenuItem(
        _("Searches without results"), reverse("search_zero_results"), icon_name="search", order=900
    )
