"""Admin: the "Taxonomies" menu, and no deletion of a term in use."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request

from taxonomy.models import BaseTaxonomy
from taxonomy.viewsets import TaxonomyGroup


@hooks.register("register_admin_viewset")
def register_taxonomies():
    return TaxonomyGroup()


@hooks.register("before_delete_snippet")
def refuse_deleting_terms_in_use(request, instances):
    """Single and bulk deletion: a term that still classifies pages is kept, with the reason."""
    in_use = [term for term in instances if isinstance(term, BaseTaxonomy) and term.usage()]
    if not in_use:
        return None
    for term in in_use:
        messages.error(
            request,
            _("“%(term)s” cannot be deleted: it still classifies %(uses)s. Remove it from them first.")
            % {"term": term.name, "uses": term.usage_description()},
        )
    model = type(in_use[0])
    return redirect(get_valid_next_url_from_request(request) or reverse(model.snippet_viewset.get_url_name("list")))
