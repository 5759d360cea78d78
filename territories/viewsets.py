"""Admin: the territory reference (searchable by name or code; editors choose from it) and the
competence rules (reviewed by the network editorial team)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from territories.models import CompetenceRule, Territory


class TerritoryViewSet(SnippetViewSet):
    model = Territory
    icon = "site"
    menu_label = _("Territory reference")
    list_display = ["name", "code", "level", "epci_type", "population", "historical"]
    list_filter = ["level", "zone", "epci_type", "historical"]
    search_fields = ["name", "code", "search_name"]
    search_backend_name = None  # database look-up on the indexed columns
    copy_view_enabled = False
    list_per_page = 50
    ordering = ["level", "name"]


class CompetenceRuleViewSet(SnippetViewSet):
    model = CompetenceRule
    icon = "list-ul"
    menu_label = _("Competence rules")
    list_display = ["policy_area", "level", "note"]
    list_filter = ["level", "policy_area"]
    copy_view_enabled = False


class TerritoryGroup(SnippetViewSetGroup):
    items = (TerritoryViewSet, CompetenceRuleViewSet)
    menu_icon = "site"
    menu_label = _("Territories")
    menu_name = "territories"
