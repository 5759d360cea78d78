"""Controlled vocabularies with one identity in every language.

A term is one row. Its French label is ``name``; the labels in the other enabled
languages live in ``translations`` ({"en": {"name": ..., "description": ...}}).
Pages point at the row itself, so a practice's classification cannot drift
between languages: there is only one term to point at.

The four vocabularies live here together (practices use all four, labs use methods);
their tables keep the names they had in the apps that first held them.
"""

from django.conf import settings
from django.db import models
from django.db.models import ProtectedError
from django.utils import translation
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from taxonomy.forms import DEFAULT_LANGUAGE, TaxonomyForm, taxonomy_panels


def active_language() -> str:
    return (get_language() or DEFAULT_LANGUAGE).split("-")[0]


def labels_in_all_languages(terms, country=None) -> str:
    """The labels of ``terms`` and the name of ``country`` in every enabled language, for the
    search index: "Denmark", "Danemark" or "Housing" then find a page written in another
    language."""
    labels = {term.label(code) for term in terms for code, _name in settings.LANGUAGES}
    if country:
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                labels.add(str(country.name))
    return " ".join(sorted(labels))


class TaxonomyQuerySet(models.QuerySet):
    def delete(self):
        for term in self:
            term.check_deletable()
        return super().delete()


class BaseTaxonomy(models.Model):
    name = models.CharField(
        _("name"), max_length=100, help_text=_("The term in French, as editors and readers will see it.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("Identifier used in search URLs and imports; the same in every language."),
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the term covers, to help editors choose it.")
    )
    translations = models.JSONField(_("labels in other languages"), default=dict, blank=True, editable=False)
    sort_order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Terms are listed by this number, then by name.")
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent term"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text=_("Optional broader term this one belongs to."),
    )

    objects = TaxonomyQuerySet.as_manager()
    managed_by_network_team = True  # praxis.services.editorial: only the network team edits terms

    base_form_class = TaxonomyForm

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.label()

    def label(self, language: str | None = None) -> str:
        language = language or active_language()
        if language != DEFAULT_LANGUAGE:
            return (self.translations or {}).get(language, {}).get("name") or self.name
        return self.name

    def label_description(self, language: str | None = None) -> str:
        language = language or active_language()
        if language != DEFAULT_LANGUAGE:
            return (self.translations or {}).get(language, {}).get("description") or self.description
        return self.description

    def is_labelled_in(self, language: str) -> bool:
        return language == DEFAULT_LANGUAGE or bool((self.translations or {}).get(language, {}).get("name"))

    def usage(self) -> list[tuple[models.Model, int]]:
        """What this term classifies: (model, count) for every relation that uses it.

        Pages are counted once per translation group (a practice and its translations
        share their terms).
        """
        uses = []
        for relation in type(self).classifying_relations():
            related = relation.related_model
            queryset = related._default_manager.filter(**{relation.field.name: self})
            if hasattr(related, "translation_key"):
                count = queryset.values("translation_key").distinct().count()
            else:
                count = queryset.count()
            if count:
                uses.append((related, count))
        return uses

    @classmethod
    def classifying_relations(cls) -> list:
        """The many-to-many relations of other models to this vocabulary (practices, labs...),
        found at run time so that the vocabularies know nothing of the apps that use them."""
        return [relation for relation in cls._meta.related_objects if relation.many_to_many]

    def check_deletable(self) -> None:
        """Raise ProtectedError if the term still classifies pages: deleting it would silently
        drop it from their classification."""
        if self.usage():
            raise ProtectedError(
                gettext("“%(term)s” cannot be deleted: it still classifies %(uses)s. Remove it from them first.")
                % {"term": self.name, "uses": self.usage_description()},
                {self},
            )

    def delete(self, *args, **kwargs):
        self.check_deletable()  # before Django opens its transaction
        return super().delete(*args, **kwargs)

    def usage_description(self) -> str:
        """E.g. "3 practices, 1 lab" (empty when the term is unused)."""
        return ", ".join(
            f"{count} {related._meta.verbose_name if count == 1 else related._meta.verbose_name_plural}"
            for related, count in self.usage()
        )


class PolicyArea(BaseTaxonomy):
    query_parameter, query_example = "policy_area", "logement"  # API filter (praxis.api), search URLs
    panels = taxonomy_panels()

    class Meta(BaseTaxonomy.Meta):
        db_table = "practices_policyarea"
        verbose_name = _("policy area")
        verbose_name_plural = _("policy areas")


class TerritoryType(BaseTaxonomy):
    query_parameter, query_example = "territory_type", "urbain"  # API filter (praxis.api), search URLs
    panels = taxonomy_panels()

    class Meta(BaseTaxonomy.Meta):
        db_table = "practices_territorytype"
        verbose_name = _("territory type")
        verbose_name_plural = _("territory types")


class Instrument(BaseTaxonomy):
    """The public action instrument or procurement route: subsidy, call for projects..."""

    query_parameter, query_example = "instrument", "subvention"  # API filter (praxis.api), search URLs
    panels = taxonomy_panels()

    class Meta(BaseTaxonomy.Meta):
        db_table = "practices_instrument"
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")


class Method(BaseTaxonomy):
    """A way of working: design, ethnography, prototyping, living lab..."""

    query_parameter, query_example = "method", "prototypage"  # API filter (praxis.api), search URLs
    panels = taxonomy_panels()

    class Meta(BaseTaxonomy.Meta):
        db_table = "labs_method"
        verbose_name = _("method")
        verbose_name_plural = _("methods")
