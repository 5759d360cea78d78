"""Find what a cell names: taxonomy terms, fixed choices, countries, labs and programmes.

Terms and choices match by code/slug or by label in any enabled language, ignoring case
and accents. Each lookup loads its table once per import.
"""

import difflib
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from django_countries import countries
from wagtail.models import Page

from labs.models import LabPage, ProgrammePage
from practices.io.text import normalize
from taxonomy.models import Instrument, Method, PolicyArea, TerritoryType


class CellError(Exception):
    """A cell that cannot be read; the message says why and how to fix it."""


def enabled_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def suggestion(value: str, candidates) -> str:
    close = difflib.get_close_matches(normalize(value), list(candidates), n=3, cutoff=0.6)
    return (" " + _("Did you mean: %(names)s?") % {"names": ", ".join(close)}) if close else ""


class TermLookup:
    """Terms of one vocabulary by slug or label in any enabled language."""

    def __init__(self, model):
        self.model = model
        self.by_key: dict[str, object] = {}
        self.ambiguous: set[str] = set()
        self.slugs: list[str] = []
        for term in model.objects.all():
            self.slugs.append(term.slug)
            keys = {normalize(term.slug), normalize(term.name)}
            keys |= {normalize(term.label(code)) for code in enabled_languages()}
            for key in keys:
                other = self.by_key.get(key)
                if other is not None and other.pk != term.pk:
                    self.ambiguous.add(key)
                self.by_key[key] = term

    def find(self, value: str):
        key = normalize(value)
        if key in self.ambiguous:
            raise CellError(_("“%(value)s” matches several terms: use the slug.") % {"value": value})
        term = self.by_key.get(key)
        if term is None:
            raise CellError(
                _("unknown %(vocabulary)s “%(value)s” (give its slug or its label in any language).")
                % {"vocabulary": self.model._meta.verbose_name, "value": value}
                + suggestion(value, self.slugs)
            )
        return term


class ChoiceLookup:
    """A fixed vocabulary (TextChoices) by code or by label in any enabled language."""

    def __init__(self, choices):
        self.codes = [code for code, _label in choices.choices]
        self.by_key = {}
        for code, label in choices.choices:
            self.by_key[normalize(code)] = code
            self.by_key[normalize(str(label))] = code
            for language in enabled_languages():
                with translation.override(language):
                    self.by_key.setdefault(normalize(str(label)), code)

    def find(self, value: str) -> str:
        code = self.by_key.get(normalize(value))
        if code is None:
            raise CellError(
                _("“%(value)s” is not one of: %(codes)s.") % {"value": value, "codes": ", ".join(self.codes)}
            )
        return code


def find_country(value: str) -> str:
    text = value.strip()
    if len(text) in (2, 3) and countries.alpha2(text):
        return countries.alpha2(text)
    for language in enabled_languages():
        code = countries.by_name(text, language=language)
        if code:
            return code
    raise CellError(_("unknown country “%(value)s” (use a two-letter code such as FR).") % {"value": value})


@dataclass
class PageGroup:
    """The pages of one translation group, by locale id."""

    translation_key: object
    pages: dict = field(default_factory=dict)

    @property
    def original(self) -> Page:
        return min(self.pages.values(), key=lambda page: page.pk)

    def in_locale(self, locale_id) -> Page | None:
        return self.pages.get(locale_id)

    def preferred(self, locale_id) -> Page:
        return self.in_locale(locale_id) or self.original


class PageLookup:
    """Labs or programmes by slug (any language) or, for labs, external id."""

    def __init__(self, model, label: str, by_external_id: bool = False):
        self.model = model
        self.label = label
        self.by_external_id = by_external_id
        self.cache: dict[str, PageGroup] = {}

    def find(self, value: str) -> PageGroup:
        key = value.strip()
        if key in self.cache:
            return self.cache[key]
        condition = Q(slug__iexact=key)
        if self.by_external_id:
            condition |= Q(external_id=key)
        groups: dict[object, PageGroup] = {}
        for page in self.model.objects.filter(condition).select_related("locale"):
            group = groups.setdefault(page.translation_key, PageGroup(page.translation_key))
            group.pages[page.locale_id] = page
        if not groups:
            slugs = self.model.objects.values_list("slug", flat=True)
            raise CellError(
                _("unknown %(kind)s “%(value)s” (give its slug).") % {"kind": self.label, "value": value}
                + suggestion(value, slugs)
            )
        if len(groups) > 1:
            raise CellError(
                _("several %(kind)s pages have the slug “%(value)s”: use the external identifier.")
                % {"kind": self.label, "value": value}
            )
        group = next(iter(groups.values()))
        for page in self.model.objects.filter(translation_key=group.translation_key).select_related("locale"):
            group.pages[page.locale_id] = page
        self.cache[key] = group
        return group


class Lookups:
    """Every lookup an import needs, built once."""

    def __init__(self):
        self.terms = {
            "policy_areas": TermLookup(PolicyArea),
            "territory_types": TermLookup(TerritoryType),
            "instruments": TermLookup(Instrument),
            "methods": TermLookup(Method),
        }
        self.choices = {}
        self.labs = PageLookup(LabPage, _("lab"), by_external_id=True)
        self.programmes = PageLookup(ProgrammePage, _("programme"))

    def choice(self, column):
        if column.name not in self.choices:
            self.choices[column.name] = ChoiceLookup(column.choices)
        return self.choices[column.name]
