"""Labs (the directory and one page per lab) and multi-territory programmes."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
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

from labs.blocks import FunderBlock
from labs.choices import GovernmentLevel, InstitutionType, LabStatus
from praxis.api_fields import CountryCodeField, PublicPagesField, TermsField
from praxis.blocks import BaseStreamBlock
from praxis.forms import SharedRelationsPageForm
from praxis.taxonomy import BaseTaxonomy, taxonomy_panels

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]


class Method(BaseTaxonomy):
    """A way of working: design, ethnography, prototyping, living lab..."""

    panels = taxonomy_panels()

    class Meta(BaseTaxonomy.Meta):
        verbose_name = _("method")
        verbose_name_plural = _("methods")


def collect_errors(check) -> dict:
    """Run ``check`` (e.g. ``super().clean``) and return its errors as a dict, so that a
    ``clean`` method can report every problem at once instead of stopping at the first."""
    try:
        check()
    except ValidationError as error:
        return error.update_error_dict({})
    return {}


def add_error(errors: dict, field_name: str | None, message) -> None:
    errors.setdefault(field_name or NON_FIELD_ERRORS, []).append(message)


def check_year_range(errors: dict, start_year, end_year) -> None:
    """An end year before the start year (programmes, practices): reported on the end year."""
    if start_year and end_year and end_year < start_year:
        add_error(errors, "end_year", _("The end year cannot be before the start year."))


def validate_latitude(value):
    if value is not None and not -90 <= value <= 90:
        raise ValidationError(_("Latitude must be between -90 and 90."))


def validate_longitude(value):
    if value is not None and not -180 <= value <= 180:
        raise ValidationError(_("Longitude must be between -180 and 180."))


def labels_in_all_languages(terms, country=None) -> str:
    """The labels of ``terms`` (taxonomy rows) and the name of ``country`` in every enabled
    language, for the search index: "Denmark", "Danemark" or "Housing" then find a page
    written in another language."""
    from django.conf import settings
    from django.utils import translation

    labels = {term.label(code) for term in terms for code, _name in settings.LANGUAGES}
    if country:
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                labels.add(str(country.name))
    return " ".join(sorted(labels))


class LocatedMixin(models.Model):
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[validate_latitude],
        help_text=_("Decimal degrees, e.g. 48.5839 for Strasbourg."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[validate_longitude],
        help_text=_("Decimal degrees, e.g. 7.7455 for Strasbourg."),
    )

    class Meta:
        abstract = True

    def coordinate_errors(self) -> dict:
        """The missing half of a coordinate pair, if only one was given."""
        if (self.latitude is None) == (self.longitude is None):
            return {}
        missing = "longitude" if self.longitude is None else "latitude"
        return {missing: [_("Give both latitude and longitude, or neither.")]}

    def clean(self):
        errors = collect_errors(super().clean)
        for field_name, messages in self.coordinate_errors().items():
            for message in messages:
                add_error(errors, field_name, message)
        if errors:
            raise ValidationError(errors)

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None


class LabIndexPage(Page):
    """The lab directory."""

    intro = models.TextField(
        _("introduction"), blank=True, max_length=800, help_text=_("A few sentences above the list of labs.")
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["praxis.HomePage"]
    subpage_types = ["labs.LabPage", "labs.ProgrammePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("lab directory")
        verbose_name_plural = _("lab directories")

    def get_context(self, request, *args, **kwargs):
        from labs.services import lab_directory

        context = super().get_context(request, *args, **kwargs)
        context.update(lab_directory(self, request))
        return context


class LabPage(LocatedMixin, Page):
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
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_role = models.CharField(_("contact's role"), max_length=200, blank=True)
    contact_email = models.EmailField(
        _("contact email"), blank=True, help_text=_("Shown only to signed-in staff, never to the public.")
    )
    last_verified = models.DateField(
        _("last verified"), null=True, blank=True, help_text=_("When someone last checked this page against reality.")
    )
    external_id = models.CharField(
        _("external identifier"),
        max_length=100,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("Stable identifier from an imported spreadsheet; re-imports update the same page."),
    )

    base_form_class = SharedRelationsPageForm
    shared_relations = ("methods",)
    # Each lab gets a group of editors for its subtree (praxis.services.editorial).
    has_own_editors = True
    override_translatable_fields = [
        SynchronizedField("host_institution"),
        SynchronizedField("city"),
        SynchronizedField("region"),
        SynchronizedField("contact_name"),
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
    subpage_types = ["practices.PracticePage", "labs.ProgrammePage"]

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
        if errors:
            raise ValidationError(errors)

    def search_labels(self) -> str:
        """Search index only: the country and methods in every enabled language."""
        return labels_in_all_languages(self.methods.all(), self.country)

    @property
    def display_name(self):
        return f"{self.title} ({self.acronym})" if self.acronym else self.title

    def get_context(self, request, *args, **kwargs):
        from labs.services import lab_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lab_context(self, request))
        return context


class ProgrammePage(Page):
    """A multi-territory programme: La Transfo, Territoires en résidence, Rebonds..."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        blank=True,
        help_text=_("One or two plain sentences shown in lists (400 characters at most)."),
    )
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(
        _("end year"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("Leave empty while the programme runs."),
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
                FieldPanel("end_year"),
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
    subpage_types = []

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def clean(self):
        errors = collect_errors(super().clean)
        check_year_range(errors, self.start_year, self.end_year)
        if errors:
            raise ValidationError(errors)

    @property
    def territory_list(self):
        return [line.strip() for line in self.territories.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        from labs.services import programme_context

        context = super().get_context(request, *args, **kwargs)
        context.update(programme_context(self, request))
        return context
