"""Controlled vocabularies with one identity in every language.

A term is one row. Its French label is ``name``; the labels in the other enabled
languages live in ``translations`` ({"en": {"name": ..., "description": ...}}).
Pages point at the row itself, so a practice's classification cannot drift
between languages: there is only one term to point at.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

DEFAULT_LANGUAGE = "fr"


def other_languages() -> list[tuple[str, str]]:
    return [(code, name) for code, name in settings.LANGUAGES if code != DEFAULT_LANGUAGE]


def active_language() -> str:
    return (get_language() or DEFAULT_LANGUAGE).split("-")[0]


class TaxonomyForm(WagtailAdminModelForm):
    """Adds a name and description field for every enabled language but French."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

        stored = self.instance.translations or {}
        for code, language in other_languages():
            self.fields[f"name_{code}"] = forms.CharField(
                label=_("Name (%(language)s)") % {"language": language},
                max_length=100,
                required=False,
                initial=stored.get(code, {}).get("name", ""),
                help_text=_("Leave empty to show the French name in this language."),
            )
            self.fields[f"description_{code}"] = forms.CharField(
                label=_("Description (%(language)s)") % {"language": language},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                initial=stored.get(code, {}).get("description", ""),
            )

    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        ancestor = parent
        while ancestor is not None and self.instance.pk:
            if ancestor.pk == self.instance.pk:
                raise ValidationError(_("A term cannot be its own parent or ancestor."))
            ancestor = ancestor.parent
        return parent

    def save(self, commit=True):
        translations = {}
        for code, _language in other_languages():
            name = self.cleaned_data.get(f"name_{code}", "").strip()
            description = self.cleaned_data.get(f"description_{code}", "").strip()
            if name or description:
                translations[code] = {"name": name, "description": description}
        # Keep labels of languages that are not enabled right now.
        enabled = {code for code, _language in settings.LANGUAGES}
        kept = {code: value for code, value in (self.instance.translations or {}).items() if code not in enabled}
        self.instance.translations = {**kept, **translations}
        return super().save(commit=commit)


def taxonomy_panels():
    language_panels = [
        MultiFieldPanel(
            [FieldPanel(f"name_{code}"), FieldPanel(f"description_{code}")],
            heading=_("In %(language)s") % {"language": language},
        )
        for code, language in other_languages()
    ]
    return [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")],
            heading=_("In French (reference)"),
        ),
        *language_panels,
        MultiFieldPanel([FieldPanel("parent"), FieldPanel("sort_order")], heading=_("Place in the vocabulary")),
    ]


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
