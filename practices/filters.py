"""Filters of the practice listing in the admin (taxonomy, lab, stage, status, freshness).

The locale filter is added by Wagtail's ``WagtailFilterSet`` for translatable models.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.models import Locale

from labs.models import LabPage
from practices.choices import LifecycleStage
from practices.models import PracticePage
from praxis.visibility import best_translations
from taxonomy.models import Instrument, Method, PolicyArea, TerritoryType

LIVE, DRAFT = "live", "draft"
STALE, FRESH = "stale", "fresh"


def lab_choices(request):
    """One lab per translation group, in the admin's language when translated."""
    return best_translations(LabPage.objects.all(), Locale.get_active()).order_by("title")


class AnyTranslationChoiceField(django_filters.fields.ModelMultipleChoiceField):
    """Offers one page per translation group, and accepts any translation of it (a link
    shared by a colleague whose admin speaks another language still filters)."""

    def _check_values(self, value):
        offered = self.queryset
        self.queryset = offered.model._default_manager.all()
        try:
            return super()._check_values(value)
        finally:
            self.queryset = offered


class AnyTranslationFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = AnyTranslationChoiceField


def term_filter(model, label):
    return django_filters.ModelMultipleChoiceFilter(
        label=label, queryset=model.objects.all(), widget=forms.CheckboxSelectMultiple, distinct=True
    )


class PracticeFilterSet(PageFilterSet):
    policy_areas = term_filter(PolicyArea, _("Policy area"))
    territory_types = term_filter(TerritoryType, _("Territory type"))
    instruments = term_filter(Instrument, _("Instrument"))
    methods = term_filter(Method, _("Method"))
    labs = AnyTranslationFilter(
        label=_("Lab"), queryset=lab_choices, widget=forms.CheckboxSelectMultiple, method="filter_labs"
    )
    lifecycle_stage = django_filters.ChoiceFilter(
        label=_("Lifecycle stage"), choices=LifecycleStage.choices, empty_label=_("All"), widget=forms.RadioSelect
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(LIVE, _("Live")), (DRAFT, _("Draft (never published or unpublished)"))],
        empty_label=_("All"),
        widget=forms.RadioSelect,
        method="filter_status",
    )
    verification = django_filters.ChoiceFilter(
        label=_("Verification"),
        choices=[
            (STALE, _("Stale: not verified in 18 months, or never")),
            (FRESH, _("Verified in the last 18 months")),
        ],
        empty_label=_("All"),
        widget=forms.RadioSelect,
        method="filter_verification",
    )

    class Meta:
        model = PracticePage
        fields = []

    def filter_labs(self, queryset, name, labs):
        if not labs:
            return queryset
        # A lab chosen in one language stands for all its translations.
        keys = [lab.translation_key for lab in labs]
        return queryset.filter(labs__translation_key__in=keys).distinct()

    def filter_status(self, queryset, name, value):
        if value == LIVE:
            return queryset.filter(live=True)
        if value == DRAFT:
            return queryset.filter(live=False)
        return queryset

    def filter_verification(self, queryset, name, value):
        if value == STALE:
            return queryset.filter(PracticePage.stale_condition())
        if value == FRESH:
            return queryset.exclude(PracticePage.stale_condition())
        return queryset
