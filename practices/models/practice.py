"""One page per practice: a case study, structured so that another territory can reuse it."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from practices.blocks import KeyFigureBlock, PartnerBlock, PracticeDocumentBlock, SourceBlock
from practices.choices import BudgetRange, Duration, EvidenceLevel, LegalCompetence, LifecycleStage, StaffTime
from practices.forms import PracticePageForm
from practices.pdf import practice_sheet_response
from practices.services.lineage import lineage_errors
from practices.services.sheet import practice_context
from praxis.api_fields import CountryCodeField, PublicPageField, PublicPagesField, TermsField
from praxis.licences import Licence
from praxis.shared_fields import Contact, Imported, Located, Period, Verified
from praxis.text import list_items
from praxis.validation import add_error, collect_errors
from taxonomy.models import Instrument, Method, PolicyArea, TerritoryType, labels_in_all_languages
from territories.fields import ReferencedTerritory

SECTION_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class PracticePage(RoutablePageMixin, ReferencedTerritory, Located, Period, Contact, Verified, Imported, Page):
    """A case study, structured so that another territory can reuse it."""

    summary = models.TextField(
        _("summary"),
        max_length=500,
        help_text=_("In plain language, what was done, where and with what result (500 characters at most)."),
    )
    problem = RichTextField(
        _("problem and context"),
        features=SECTION_FEATURES,
        blank=True,
        help_text=_("The situation before: who was affected, and why it mattered."),
    )
    actions = RichTextField(
        _("what was done"),
        features=SECTION_FEATURES,
        blank=True,
        help_text=_("The steps, in order, with who did what."),
    )
    results = RichTextField(
        _("results and impact"),
        features=SECTION_FEATURES,
        blank=True,
        help_text=_("What changed, measured where possible."),
    )
    key_figures = StreamField([("figure", KeyFigureBlock())], blank=True, verbose_name=_("key figures"))
    challenges = RichTextField(
        _("challenges and failures"),
        features=SECTION_FEATURES,
        blank=True,
        help_text=_("What went wrong or was harder than expected. Readers learn most here."),
    )
    success_conditions = RichTextField(_("conditions for success"), features=SECTION_FEATURES, blank=True)
    lessons = RichTextField(_("lessons"), features=SECTION_FEATURES, blank=True)

    lifecycle_stage = models.CharField(
        _("lifecycle stage"), max_length=20, choices=LifecycleStage.choices, default=LifecycleStage.EXPERIMENTATION
    )
    evidence_level = models.CharField(
        _("level of evidence"), max_length=20, choices=EvidenceLevel.choices, default=EvidenceLevel.SELF_DECLARED
    )

    territory_name = models.CharField(
        _("territory"),
        max_length=200,
        blank=True,
        help_text=_("Where the practice took place, e.g. Mulhouse or Val-d'Oise."),
    )
    country = CountryField(_("country"), default="FR")
    population = models.PositiveIntegerField(
        _("population"), null=True, blank=True, help_text=_("Inhabitants of the territory concerned.")
    )

    policy_areas = ParentalManyToManyField(
        PolicyArea, verbose_name=_("policy areas"), blank=True, related_name="practices"
    )
    territory_types = ParentalManyToManyField(
        TerritoryType, verbose_name=_("territory types"), blank=True, related_name="practices"
    )
    instruments = ParentalManyToManyField(
        Instrument,
        verbose_name=_("instruments"),
        blank=True,
        related_name="practices",
        help_text=_("The public action instrument or procurement route used."),
    )
    methods = ParentalManyToManyField(Method, verbose_name=_("methods"), blank=True, related_name="practices")
    labs = ParentalManyToManyField(
        "labs.LabPage", verbose_name=_("labs involved"), blank=True, related_name="practices"
    )
    programme = models.ForeignKey(
        "labs.ProgrammePage",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practices",
        help_text=_("The programme the practice came out of, if any."),
    )
    partners = StreamField([("partner", PartnerBlock())], blank=True, verbose_name=_("partners"))

    # Transposition sheet
    legal_competence = models.CharField(
        _("legal competence needed"),
        max_length=20,
        choices=LegalCompetence.choices,
        blank=True,
        help_text=_("The level of government that must hold the competence."),
    )
    budget_range = models.CharField(_("budget"), max_length=10, choices=BudgetRange.choices, blank=True)
    staff_time = models.CharField(_("staff time"), max_length=10, choices=StaffTime.choices, blank=True)
    duration = models.CharField(
        _("duration"),
        max_length=10,
        choices=Duration.choices,
        blank=True,
        help_text=_("From the first step to the first results."),
    )
    prerequisites = models.TextField(
        _("prerequisites"), blank=True, help_text=_("What must be in place before starting. One per line.")
    )
    core_elements = models.TextField(
        _("core elements"), blank=True, help_text=_("What must be kept for the practice to work. One per line.")
    )
    adaptable_elements = models.TextField(
        _("adaptable elements"), blank=True, help_text=_("What each territory can change. One per line.")
    )

    documents = StreamField([("document", PracticeDocumentBlock())], blank=True, verbose_name=_("documents"))
    sources = StreamField([("source", SourceBlock())], blank=True, verbose_name=_("sources and links"))
    licence = models.CharField(_("licence of the text"), max_length=24, choices=Licence.choices, default=Licence.CC_BY)
    base_form_class = PracticePageForm
    shared_relations = ("policy_areas", "territory_types", "instruments", "methods", "labs")
    shared_foreign_keys = ("reference_territory",)
    override_translatable_fields = [
        SynchronizedField("territory_name"),
        SynchronizedField("contact_name"),
        SynchronizedField("territory_override_reason"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("problem"),
        FieldPanel("actions"),
        FieldPanel("results"),
        FieldPanel(
            "key_figures",
            help_text=_("Two to four figures that tell the result, e.g. 8,000 library cards for 20,000 inhabitants."),
        ),
        FieldPanel("challenges"),
        FieldPanel(
            "success_conditions",
            help_text=_("What made it work: support, skills, timing, partners. Other territories will check these."),
        ),
        FieldPanel("lessons", help_text=_("What the team would tell a peer starting the same thing tomorrow.")),
    ]
    classification_panels = [
        HelpPanel(
            content=_(
                "The classification is shared by every language of this practice: "
                "it is edited on the original and copied to translations when published."
            )
        ),
        FieldPanel(
            "policy_areas",
            widget=forms.CheckboxSelectMultiple,
            help_text=_("The public policies the practice serves; tick all that apply."),
        ),
        FieldPanel(
            "territory_types",
            widget=forms.CheckboxSelectMultiple,
            help_text=_("The kind of territory where it took place: rural, urban, overseas..."),
        ),
        FieldPanel("instruments", widget=forms.CheckboxSelectMultiple),
        FieldPanel(
            "methods",
            widget=forms.CheckboxSelectMultiple,
            help_text=_("The ways of working used: design, ethnography, prototyping..."),
        ),
        MultiFieldPanel(
            [
                FieldPanel(
                    "lifecycle_stage",
                    help_text=_("Where the practice stands today, from idea to institutionalised (or stopped)."),
                ),
                FieldRowPanel(
                    [
                        FieldPanel("start_year", help_text=_("The year the first step was taken, e.g. 2018.")),
                        FieldPanel("end_year", help_text=_("Leave empty if the practice continues.")),
                    ]
                ),
                FieldPanel(
                    "evidence_level",
                    help_text=_("Who assessed the results: the team itself, its institution, or an outside evaluator."),
                ),
            ],
            heading=_("Stage and evidence"),
        ),
    ]
    territory_panels = [
        MultiFieldPanel(
            [
                FieldPanel("reference_territory"),
                FieldPanel(
                    "territory_name",
                    help_text=_("Filled from the reference territory when left empty; else free text with a country."),
                ),
                FieldPanel("country", help_text=_("The country of the territory.")),
                FieldPanel("population", help_text=_("Filled from the reference territory when left empty.")),
                FieldPanel("territory_override_reason"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Territory"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("labs", help_text=_("The labs that led or supported the practice.")),
                FieldPanel("programme"),
                FieldPanel("partners", help_text=_("Other bodies involved and their role, one item per partner.")),
            ],
            heading=_("Who"),
        ),
    ]
    transposition_panels = [
        MultiFieldPanel(
            [
                FieldPanel("legal_competence"),
                FieldRowPanel(
                    [
                        FieldPanel("budget_range", help_text=_("The total cost, all funders together.")),
                        FieldPanel("staff_time", help_text=_("The staff time it takes while it runs.")),
                        FieldPanel("duration"),
                    ]
                ),
                FieldPanel("prerequisites"),
                FieldPanel("core_elements"),
                FieldPanel("adaptable_elements"),
            ],
            heading=_("Transposition sheet"),
        ),
        InlinePanel("transposed_from", label=_("Transposed from"), heading=_("Lineage")),
    ]
    sources_panels = [
        FieldPanel(
            "documents",
            help_text=_(
                "Documents others can reuse (council decision, call text, specification...), with their licence."
            ),
        ),
        FieldPanel("sources", help_text=_("Articles, reports and pages where the facts come from.")),
        MultiFieldPanel(
            [
                FieldPanel("contact_name", help_text=_("Someone a peer can ask about the practice.")),
                FieldPanel("contact_role", help_text=_("Their job title and organisation.")),
                FieldPanel("contact_email"),
            ],
            heading=_("Contact"),
        ),
        FieldRowPanel(
            [
                FieldPanel(
                    "licence", help_text=_("How others may reuse this text; CC BY 4.0 unless you have a reason.")
                ),
                FieldPanel("last_verified"),
            ]
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Case study")),
            ObjectList(classification_panels, heading=_("Classification")),
            ObjectList(territory_panels, heading=_("Territory and actors")),
            ObjectList(transposition_panels, heading=_("Transposition")),
            ObjectList(sources_panels, heading=_("Documents and contact")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("problem"),
        index.SearchField("actions"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.SearchField("territory_name"),
        index.AutocompleteField("territory_name"),
        index.FilterField("lifecycle_stage"),
        index.FilterField("evidence_level"),
        index.FilterField("legal_competence"),
        index.FilterField("budget_range"),
        index.FilterField("country"),
        index.FilterField("start_year"),
        index.FilterField("last_verified"),
        index.RelatedFields("policy_areas", [index.SearchField("name")]),
        index.RelatedFields("territory_types", [index.SearchField("name")]),
        index.RelatedFields("instruments", [index.SearchField("name")]),
        index.SearchField("search_labels"),
    ]

    # Public API (/api/v2/): never the contact email.
    api_fields = [
        APIField("summary"),
        APIField("problem"),
        APIField("actions"),
        APIField("results"),
        APIField("key_figures"),
        APIField("challenges"),
        APIField("success_conditions"),
        APIField("lessons"),
        APIField("lifecycle_stage"),
        APIField("start_year"),
        APIField("end_year"),
        APIField("evidence_level"),
        APIField("territory_name"),
        APIField("country", serializer=CountryCodeField()),
        APIField("population"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("policy_areas", serializer=TermsField()),
        APIField("territory_types", serializer=TermsField()),
        APIField("instruments", serializer=TermsField()),
        APIField("methods", serializer=TermsField()),
        APIField("labs", serializer=PublicPagesField()),
        APIField("programme", serializer=PublicPageField()),
        APIField("partners"),
        APIField("legal_competence"),
        APIField("budget_range"),
        APIField("staff_time"),
        APIField("duration"),
        APIField("prerequisites"),
        APIField("core_elements"),
        APIField("adaptable_elements"),
        APIField("documents"),
        APIField("sources"),
        APIField("contact_name"),
        APIField("contact_role"),
        APIField("licence"),
        APIField("last_verified"),
        APIField("external_id"),
    ]

    parent_page_types = ["labs.LabPage", "practices.PracticeIndexPage"]
    # Listings of practices drop their copies when one changes; this page names its labs
    # and its programme (praxis.http_cache, praxis.services.frontend_cache).
    cache_listed_as = "practices"
    cache_lists = ("labs",)
    subpage_types = []

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    def clean(self):
        errors = collect_errors(super().clean)
        for problem in lineage_errors(self):
            add_error(errors, NON_FIELD_ERRORS, problem)
        for field_name, messages in self.reference_errors("territory_name", "population").items():
            for message in messages:
                add_error(errors, field_name, message)
        if not self.territory_name:
            add_error(errors, "territory_name", _("Give the territory's name, or choose a reference territory."))
        if errors:
            raise ValidationError(errors)

    def search_labels(self) -> str:
        """Search index only: the classification and country in every enabled language."""
        terms = [*self.policy_areas.all(), *self.territory_types.all(), *self.instruments.all(), *self.methods.all()]
        return labels_in_all_languages(terms, self.country)

    @property
    def prerequisite_list(self):
        return list_items(self.prerequisites)

    @property
    def core_element_list(self):
        return list_items(self.core_elements)

    @property
    def adaptable_element_list(self):
        return list_items(self.adaptable_elements)

    @path("sheet/", name="sheet")
    def sheet(self, request):
        """The practice sheet as a PDF (cached per published revision and language)."""
        return practice_sheet_response(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(practice_context(self, request))
        return context
