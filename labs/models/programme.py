"""Multi-territory programmes (La Transfo, Territoires en résidence...)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from labs.blocks import FunderBlock
from labs.models.lab import LabPage
from labs.services import programme_context
from praxis.api_fields import PublicPagesField
from praxis.blocks import BaseStreamBlock
from praxis.forms import SharedRelationsPageForm
from praxis.shared_fields import Period
from praxis.text import list_items


class ProgrammePage(Period, Page):
    """A multi-territory programme: La Transfo, Territoires en résidence, Rebonds..."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        blank=True,
        help_text=_("One or two plain sentences shown in lists (400 characters at most)."),
    )
    funders = StreamField([("funder", FunderBlock())], blank=True, verbose_name=_("funders and amounts"))
    labs = ParentalManyToManyField(LabPage, verbose_name=_("participating labs"), blank=True, related_name="programmes")
    territories = models.TextField(
        _("participating territories"), blank=True, help_text=_("One territory per line, e.g. Ville de Mulhouse.")
    )
    description = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("description"))
    website = models.URLField(_("website"), blank=True)

    base_form_class = SharedRelationsPageForm
    shared_relations = ("labs",)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel(
            [
                FieldPanel("start_year", help_text=_("The year the programme started, e.g. 2014.")),
                FieldPanel("end_year", help_text=_("Leave empty while the programme runs.")),
            ]
        ),
        FieldPanel(
            "labs",
            help_text=_("The labs that took part. Shared by every language: edit it on the original page."),
        ),
        FieldPanel("territories"),
        FieldPanel("funders", help_text=_("Who paid, how much and for what; one item per funder.")),
        FieldPanel("description", help_text=_("What the programme set out to do, how it worked and what came of it.")),
        FieldPanel("website", help_text=_("The programme's own site, if it has one.")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("territories"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("start_year"),
        APIField("end_year"),
        APIField("funders"),
        APIField("labs", serializer=PublicPagesField()),
        APIField("territories"),
        APIField("description"),
        APIField("website"),
    ]
    parent_page_types = ["labs.LabIndexPage", "labs.LabPage"]
    cache_listed_as = "labs"  # shown with the labs (praxis.services.frontend_cache)
    cache_lists = ("practices",)
    subpage_types = []

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    @property
    def territory_list(self):
        return list_items(self.territories)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(programme_context(self, request))
        return context
