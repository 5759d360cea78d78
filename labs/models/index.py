"""The lab directory page."""

from django.db import models
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from labs.models.lab import LabPage
from labs.services import lab_directory, lab_map
from praxis.visibility import private_section_paths, public_q


def public_labs(request):
    """The live, public labs (``.public()``'s rule, without its query for every request)."""
    return LabPage.objects.live().filter(public_q(private_section_paths(request)))


class LabIndexPage(RoutablePageMixin, Page):
    """The lab directory: a page of lab cards, and the map's markers at ``markers/``."""

    intro = models.TextField(
        _("introduction"), blank=True, max_length=800, help_text=_("A few sentences above the list of labs.")
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["praxis.HomePage"]
    cache_lists = ("labs",)  # what it shows: praxis.http_cache
    subpage_types = ["labs.LabPage", "labs.ProgrammePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("lab directory")
        verbose_name_plural = _("lab directories")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(lab_directory(self, public_labs(request), request))
        return context

    @path("markers/", name="map")
    def map_json(self, request):
        """The markers of the labs the directory's filters keep (same parameters), as JSON.
        A sub-route is served through the page's ``serve``, so the refusal's language (JSON,
        as ``@answers_json`` says for a view) is set on the request."""
        request.answers_json = True
        return JsonResponse({"points": lab_map(self, public_labs(request), request)})
