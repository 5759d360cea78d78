"""One page per public innovation lab."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from labs.choices import GovernmentLevel, InstitutionType, LabStatus
from labs.services import lab_context
from praxis.api_fields import CountryCodeField, TermsField
from praxis.blocks import BaseStreamBlock
from praxis.forms import SharedRelationsPageForm
from praxis.shared_fields import Contact, Imported, Located, Verified
from praxis.validation import YEAR_VALIDATORS, add_error, collect_errors
from taxonomy.models import Method, labels_in_all_languages
from territories.fields import ReferencedTerritory


class LabPage(ReferencedTerritory, Located, Contact, Verified, Imported, Page):
    """One public innovation lab."""

    acronym = models.CharField(_("acronym"), max_length=30, blank=True, help_text=_("Short name, if the lab uses one."))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Square or wide logo; its alt text comes from the image's description."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        blank=True,
        help_text=_("One or two plain sentences shown in the directory (400 characters at most)."),
    )
    host_institution = models.CharField(
        _("host institution"), max_length=200, help_text=_("The body the lab belongs to, e.g. Région Occitanie.")
    )
    institution_type = models.CharField(_("institution type"), max_length=20, choices=InstitutionType.choices)
    government_level = models.CharField(_("level of government"), max_length=20, choices=GovernmentLevel.choices)
    country = CountryField(_("country"), help_text=_("Where the lab is based."))
    region = models.CharField(_("region"), max_length=100, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    founded_year = models.PositiveSmallIntegerField(
        _("founding year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    closed_year = models.PositiveSmallIntegerField(
        _("closing year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Only for a closed lab."),
    )
    status = models.CharField(_("status"), max_length=10, choices=LabStatus.choices, default=LabStatus.ACTIVE)
    status_reason = models.TextField(
        _("reason for the status"), blank=True, help_text=_("Why the lab is dormant or closed, in a sentence or two.")
    )
    website = models.URLField(_("website"), blank=True)
    team_size = models.PositiveSmallIntegerField(
        _("team size"), null=True, blank=True, help_text=_("People working in the lab, roughly.")
    )
    methods = ParentalManyToManyField(
        Method,
        verbose_name=_("methods"),
        blank=True,
        related_name="labs",
        help_text=_("The ways of working the lab uses most."),
    )
    description = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("description"))
    base_form_class = SharedRelationsPageForm
    shared_relations = ("methods",)
    shared_foreign_keys = ("reference_territory",)
    # Each lab gets a group of editors for its subtree (praxis.services.editorial).
    has_own_editors = True
    override_translatable_fields = [
        SynchronizedField("host_institution"),
        SynchronizedField("city"),
        SynchronizedField("region"),
        SynchronizedField("contact_name"),
        SynchronizedField("territory_override_reason"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("acronym"),
        FieldPanel("summary"),
        FieldPanel("logo"),
        FieldPanel(
            "description",
            help_text=_(
                "What the lab does, how it works and what it is known for; headings, images and quotes welcome."
            ),
        ),
    ]
    identity_panels = [
        MultiFieldPanel(
            [
                FieldPanel("host_institution"),
                FieldRowPanel(
                    [
                        FieldPanel("institution_type", help_text=_("The kind of body the lab belongs to.")),
                        FieldPanel(
                            "government_level", help_text=_("The level of government the lab mainly works for.")
                        ),
                    ]
                ),
            ],
            heading=_("Institution"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("country"),
                FieldPanel(
                    "reference_territory",
                    help_text=_(
                        "The French territory the lab works for, by name or INSEE/SIREN code (shown on the map)."
                    ),
                ),
                FieldRowPanel(
                    [
                        FieldPanel("region", help_text=_("Region or province, e.g. Occitanie.")),
                        FieldPanel("city", help_text=_("The city where the team works, e.g. Toulouse.")),
                    ]
                ),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("founded_year", help_text=_("The year the lab started, e.g. 2016.")),
                        FieldPanel("closed_year"),
                    ]
                ),
                FieldPanel("status", help_text=_("Active, dormant (no activity for a while) or closed.")),
                FieldPanel("status_reason"),
            ],
            heading=_("Life of the lab"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("team_size"),
                FieldPanel("methods", widget=forms.CheckboxSelectMultiple),
                FieldPanel("website", help_text=_("The lab's own site, starting with https://.")),
            ],
            heading=_("Team and methods"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name", help_text=_("Someone peers can ask about the lab's work.")),
                FieldPanel("contact_role", help_text=_("Their job title, e.g. head of the innovation lab.")),
                FieldPanel("contact_email"),
                FieldPanel("last_verified"),
            ],
            heading=_("Contact and verification"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Presentation")),
            ObjectList(identity_panels, heading=_("Identity")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("acronym"),
        index.SearchField("summary"),
        index.SearchField("host_institution"),
        index.SearchField("city"),
        index.SearchField("region"),
        index.SearchField("description"),
        index.AutocompleteField("acronym"),
        index.FilterField("country"),
        index.FilterField("status"),
        index.FilterField("government_level"),
        index.FilterField("institution_type"),
        index.RelatedFields("methods", [index.SearchField("name")]),
        index.SearchField("search_labels"),
    ]

    # Public API (/api/v2/): never the contact email.
    api_fields = [
        APIField("acronym"),
        APIField("logo"),
        APIField("summary"),
        APIField("host_institution"),
        APIField("institution_type"),
        APIField("government_level"),
        APIField("country", serializer=CountryCodeField()),
        APIField("region"),
        APIField("city"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("founded_year"),
        APIField("closed_year"),
        APIField("status"),
        APIField("status_reason"),
        APIField("website"),
        APIField("team_size"),
        APIField("methods", serializer=TermsField()),
        APIField("description"),
        APIField("contact_name"),
        APIField("contact_role"),
        APIField("last_verified"),
        APIField("external_id"),
    ]

    parent_page_types = ["labs.LabIndexPage"]
    # A front-end cache drops the listings that show labs when one changes, and this page
    # when practices or programmes change (praxis.http_cache, praxis.services.frontend_cache).
    cache_listed_as = "labs"
    cache_lists = ("practices", "labs")
    # Programmes, and the page types higher apps add with allow_under_labs() (practices).
    subpage_types = ["labs.ProgrammePage"]

    class Meta:
        verbose_name = _("lab")
        verbose_name_plural = _("labs")

    def clean(self):
        errors = collect_errors(super().clean)
        if self.closed_year and self.status != LabStatus.CLOSED:
            add_error(
                errors,
                "closed_year",
                _("A closing year needs the status “closed”: change the status or remove the year."),
            )
        if self.founded_year and self.closed_year and self.closed_year < self.founded_year:
            add_error(errors, "closed_year", _("The closing year cannot be before the founding year."))
        for field_name, messages in self.reference_errors(None, None).items():
            for message in messages:
                add_error(errors, field_name, message)
        if errors:
            raise ValidationError(errors)

    def search_labels(self) -> str:
        """Search index only: the country and methods in every enabled language."""
        return labels_in_all_languages(self.methods.all(), self.country)

    @property
    def display_name(self):
        return f"{self.title} ({self.acronym})" if self.acronym else self.title

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(lab_context(self, request))
        return context


def allow_under_labs(*page_types: str) -> None:
    """Let a higher app's page types be created under a lab (called from its ``ready()``),
    so that labs need not name the apps built on them."""
    LabPage.subpage_types = [*LabPage.subpage_types, *page_types]
