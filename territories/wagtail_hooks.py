from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages

from territories.models import Territory
from territories.viewsets import TerritoryGroup


@hooks.register("register_admin_viewset")
def register_territories():
    return TerritoryGroup()


@hooks.register("before_delete_snippet")
def refuse_deleting_territories(request, instances):
    """Practices, labs and readers point at territories: none is deleted by hand (a reload of
    the dataset marks those that disappeared as historical)."""
    if not any(isinstance(instance, Territory) for instance in instances):
        return None
    messages.error(
        request,
        _("Territories are never deleted: reload the dataset (load_territories), which marks them historical."),
    )
    return redirect(reverse(Territory.snippet_viewset.get_url_name("list")))
