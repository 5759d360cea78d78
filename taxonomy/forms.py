"""How editors edit a term: the French reference name and slug, a label and a description in
every other enabled language (kept in ``translations``), its place in the vocabulary."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

DEFAULT_LANGUAGE = "fr"


def other_languages() -> list[tuple[str, str]]:
    return [(code, name) for code, name in settings.LANGUAGES if code != DEFAULT_LANGUAGE]


def interpolate_lazy(message, **values):
    """``message % values``, translated when displayed rather than when the module is imported."""
    return lazy(lambda: str(message) % {key: str(value) for key, value in values.items()}, str)()


def language_fields() -> dict[str, forms.Field]:
    """A name and a description field for every enabled language but French."""
    fields = {}
    for code, language in other_languages():
        fields[f"name_{code}"] = forms.CharField(
            label=interpolate_lazy(_("Name (%(language)s)"), language=language),
            max_length=100,
            required=False,
            help_text=_("Leave empty to show the French name in this language."),
        )
        fields[f"description_{code}"] = forms.CharField(
            label=interpolate_lazy(_("Description (%(language)s)"), language=language),
            widget=forms.Textarea(attrs={"rows": 2}),
            required=False,
        )
    return fields


class BaseTaxonomyForm(WagtailAdminModelForm):
    """Edits a term: French name, slug (made from the name if left empty), labels in the other
    languages (stored in ``translations``), parent (no cycles) and order."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stored = self.instance.translations or {}
        for code, _language in other_languages():
            self.initial.setdefault(f"name_{code}", stored.get(code, {}).get("name", ""))
            self.initial.setdefault(f"description_{code}", stored.get(code, {}).get("description", ""))
        slug = self.fields.get("slug")
        if slug is not None:
            slug.required = False
            slug.help_text = _(
                "Identifier used in search URLs and imports, the same in every language. "
                "Leave empty to make it from the French name."
            )

    def clean(self):
        cleaned_data = super().clean()
        if "slug" not in self.fields or "slug" in self.errors:
            return cleaned_data
        slug = cleaned_data.get("slug") or slugify(cleaned_data.get("name", ""))
        if not slug:
            self.add_error("slug", _("Give a slug: the name has no letters or digits to make one from."))
            return cleaned_data
        taken = type(self.instance)._default_manager.filter(slug=slug).exclude(pk=self.instance.pk).first()
        if taken is not None:
            self.add_error(
                "slug",
                _("The slug “%(slug)s” is already used by the term “%(term)s”. Choose another one.")
                % {"slug": slug, "term": taken.name},
            )
            return cleaned_data
        cleaned_data["slug"] = slug
        return cleaned_data

    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        ancestor, seen = parent, set()
        while ancestor is not None and ancestor.pk not in seen:
            if self.instance.pk and ancestor.pk == self.instance.pk:
                raise ValidationError(_("A term cannot be its own parent or ancestor."))
            seen.add(ancestor.pk)
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


# The language fields are declared on the class (the enabled languages are read once, at
# start-up), so that the panels can name them.
TaxonomyForm = type("TaxonomyForm", (BaseTaxonomyForm,), {"__module__": __name__, **language_fields()})


def taxonomy_panels():
    language_panels = [
        MultiFieldPanel(
            [FieldPanel(f"name_{code}"), FieldPanel(f"description_{code}")],
            heading=interpolate_lazy(_("In %(language)s"), language=language),
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
