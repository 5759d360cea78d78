"""Admin viewsets: the vocabularies (one "Taxonomies" menu) and the flat list of practices."""

from django.db.models import Count
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import BulkActionsColumn, PageStatusColumn, PageTitleColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from labs.models import Method
from practices.filters import PracticeFilterSet
from practices.models import Instrument, PolicyArea, PracticePage, TerritoryType
from praxis.admin_refusals import ForbiddenOnRefusal
from praxis.taxonomy import interpolate_lazy, other_languages

# Vocabularies ---------------------------------------------------------------------------------


def label_column(code: str, language) -> Column:
    return Column(
        f"label_{code}",
        label=interpolate_lazy(_("Name (%(language)s)"), language=language),
        accessor=lambda term, code=code: (term.translations or {}).get(code, {}).get("name") or "—",
    )


class TaxonomyIndexView(ForbiddenOnRefusal, snippet_views.IndexView):
    pass


class TaxonomyCreateView(ForbiddenOnRefusal, snippet_views.CreateView):
    pass


class TaxonomyEditView(ForbiddenOnRefusal, snippet_views.EditView):
    pass


class TaxonomyDeleteView(ForbiddenOnRefusal, snippet_views.DeleteView):
    pass


class TaxonomyViewSet(SnippetViewSet):
    """A vocabulary: listed by order, searchable, managed by the network editorial team only
    (Django model permissions, anyone else gets a 403); a term in use cannot be deleted (see
    wagtail_hooks)."""

    index_view_class = TaxonomyIndexView
    add_view_class = TaxonomyCreateView
    edit_view_class = TaxonomyEditView
    delete_view_class = TaxonomyDeleteView
    icon = "tag"
    add_to_admin_menu = False  # shown in the "Taxonomies" group
    sort_order_field = "sort_order"
    search_fields = ["name", "slug", "description", "translations"]
    search_backend_name = None  # plain database search: vocabularies are small
    copy_view_enabled = False
    list_per_page = 100

    @cached_property
    def list_display(self):
        return [
            "name",
            "slug",
            *[label_column(code, language) for code, language in other_languages()],
            Column("parent", label=_("Parent term"), accessor=lambda term: term.parent or "—"),
            Column("practice_count", label=_("Practices"), sort_key="practice_count"),
        ]

    def get_queryset(self, request):
        return (
            self.model._default_manager.select_related("parent")
            .annotate(practice_count=Count("practices__translation_key", distinct=True))
            .order_by("sort_order", "name")
        )


class PolicyAreaViewSet(TaxonomyViewSet):
    model = PolicyArea
    icon = "site"


class TerritoryTypeViewSet(TaxonomyViewSet):
    model = TerritoryType
    icon = "globe"


class InstrumentViewSet(TaxonomyViewSet):
    model = Instrument
    icon = "cogs"


class MethodViewSet(TaxonomyViewSet):
    model = Method
    icon = "crosshairs"


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomies")
    menu_icon = "tag"
    menu_order = 210
    items = (PolicyAreaViewSet, TerritoryTypeViewSet, InstrumentViewSet, MethodViewSet)


# Practices ------------------------------------------------------------------------------------


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
