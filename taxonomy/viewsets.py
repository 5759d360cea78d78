"""Admin: the vocabularies under one "Taxonomies" menu, managed by the network editorial team
only (Django model permissions; anyone else gets a 403)."""

from django.db.models import Count
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from praxis.admin_refusals import ForbiddenOnRefusal
from taxonomy.forms import interpolate_lazy, other_languages
from taxonomy.models import Instrument, Method, PolicyArea, TerritoryType


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
            *[
                Column(
                    f"{relation.name}_count",
                    label=relation.related_model._meta.verbose_name_plural.capitalize(),
                    sort_key=f"{relation.name}_count",
                )
                for relation in self.model.classifying_relations()
            ],
        ]

    def get_queryset(self, request):
        """Each term with the number of pages it classifies, per relation (a translation group
        counts once)."""
        counts = {
            f"{relation.name}_count": Count(f"{relation.name}__translation_key", distinct=True)
            for relation in self.model.classifying_relations()
        }
        return self.model._default_manager.select_related("parent").annotate(**counts).order_by("sort_order", "name")


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
