"""Load the demo content from its data files: ``load_demo()`` is used by ``manage.py load_demo`` and the tests.

Idempotent: every page is found again by a stable key and only revised when its content
differs, every English translation is only re-saved when its strings changed. Each page
loaded is reported to ``progress`` as a ``Step``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from wagtail.models import PageViewRestriction

from demo.catalogue import CONTENT, Catalogue, DemoDataError, read_catalogue
from demo.fields import (
    INDEX_PAGE_FIELDS,
    LAB_FIELDS,
    PRACTICE_FIELDS,
    PRACTICE_TAXONOMIES,
    PROGRAMME_FIELDS,
    STANDARD_PAGE_FIELDS,
    check_keys,
    lab_values,
    page_values,
    practice_values,
    programme_values,
    transposition_rows,
)
from demo.images import ensure_image
from demo.publishing import PageSpec, upsert_page
from demo.text import EN, FR
from demo.translation import translate_page
from labs.models import LabIndexPage, LabPage, ProgrammePage
from practices.models import PracticeIndexPage, PracticePage
from praxis.models import StandardPage
from praxis.services.editorial import ensure_editorial_setup
from praxis.services.site_setup import ensure_site
from taxonomy.models import Instrument, Method, PolicyArea, TerritoryType
from taxonomy.seeds import ensure_vocabularies

# A site page's ``type`` in its file: its page model and the fields it receives.
PAGE_TYPES = {
    "lab-index": (LabIndexPage, INDEX_PAGE_FIELDS),
    "practice-index": (PracticeIndexPage, INDEX_PAGE_FIELDS),
    "standard": (StandardPage, STANDARD_PAGE_FIELDS),
}
TAXONOMIES = {
    "policy_areas": PolicyArea,
    "territory_types": TerritoryType,
    "instruments": Instrument,
    "methods": Method,
}


@dataclass(frozen=True)
class Step:
    """One page loaded: ``[3/16] practice «…» created``."""

    kind: str
    number: int
    total: int
    title: str
    outcome: str  # created, updated or unchanged

    def __str__(self):
        return f"[{self.number}/{self.total}] {self.kind} «{self.title}» {self.outcome}"


@dataclass
class DemoContent:
    """What ``load_demo`` produced: French pages by key, with their English translations."""

    home: object = None
    pages: dict = field(default_factory=dict)
    labs: dict = field(default_factory=dict)
    programmes: dict = field(default_factory=dict)
    practices: dict = field(default_factory=dict)
    english: dict = field(default_factory=dict)
    changed: list = field(default_factory=list)

    def record(self, kind: str, key: str, french_page, english_page, changed: bool):
        getattr(self, kind)[key] = french_page
        self.english[(kind, key)] = english_page
        if changed:
            self.changed.append((kind, key))


def _terms(model, slugs: list[str], where: str):
    found = {term.slug: term for term in model.objects.filter(slug__in=slugs)}
    missing = sorted(set(slugs) - set(found))
    if missing:
        raise DemoDataError(f"{where}: unknown {model._meta.verbose_name_plural} slugs {missing}")
    return [found[slug] for slug in slugs]


def _restrict(page):
    if not PageViewRestriction.objects.filter(page=page, restriction_type=PageViewRestriction.LOGIN).exists():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


class DemoLoader:
    """Publishes each item of a catalogue in French, then its English translation, in order."""

    def __init__(self, catalogue: Catalogue, home, progress: Callable[[Step], None]):
        self.catalogue = catalogue
        self.content = DemoContent(home=home)
        self.progress = progress
        self.images = {}

    def image(self, recipe: dict):
        """The image drawn from ``recipe``, once per load."""
        if recipe["title"] not in self.images:
            self.images[recipe["title"]] = ensure_image(recipe)
        return self.images[recipe["title"]]

    def image_id(self, recipe: dict) -> int:
        return self.image(recipe).pk

    def publish(self, kind: str, key: str, spec: PageSpec, english: dict, english_children=None):
        """Create or update the French page from ``spec``, then its English translation."""
        upserted = upsert_page(spec)
        english_page, translated = translate_page(
            upserted.page, english, children=english_children or {}, source_changed=upserted.changed, live=spec.live
        )
        changed = upserted.changed or translated
        self.content.record(kind, key, upserted.page, english_page, changed)
        outcome = "created" if upserted.created else "updated" if changed else "unchanged"
        number, total = len(getattr(self.content, kind)), len(getattr(self.catalogue, kind))
        self.progress(Step(kind.removesuffix("s"), number, total, upserted.page.title, outcome))
        return upserted.page

    def load_pages(self):
        home = self.content.home
        for page in self.catalogue.pages:
            model, fields = PAGE_TYPES[page["type"]]
            # An index exists once under the home page, whatever its slug (max_count_per_parent = 1).
            lookup = {} if model.max_count_per_parent == 1 else {"slug": page["slug"][FR]}
            spec = PageSpec(model, home, lookup, page_values(model, page, fields, FR, self.image_id))
            self.publish("pages", page["key"], spec, page_values(model, page, fields, EN, self.image_id))

    def index(self, model):
        """The site page of type ``model`` (the lab directory, the practice index)."""
        for page in self.content.pages.values():
            if isinstance(page, model):
                return page
        raise DemoDataError(f"pages/: no page of type {model._meta.verbose_name}")

    def loaded(self, kind: str, key: str, where: str):
        """The French page of ``kind``/``key``, loaded before the item ``where`` that points at it."""
        pages = getattr(self.content, kind)
        if key not in pages:
            raise DemoDataError(f"{where}: no {kind}/{key}.yaml listed before it in catalogue.yaml")
        return pages[key]

    def load_labs(self):
        parent = self.index(LabIndexPage)
        for lab in self.catalogue.labs:
            logo = self.image(lab["logo"])
            spec = PageSpec(
                LabPage,
                parent,
                {"external_id": f"demo:lab:{lab['key']}"},
                lab_values(LabPage, lab, FR, logo, self.image_id),
                relations={"methods": _terms(Method, lab.get("methods", []), f"labs/{lab['key']}.yaml")},
            )
            self.publish("labs", lab["key"], spec, lab_values(LabPage, lab, EN, logo, self.image_id))

    def load_programmes(self):
        for programme in self.catalogue.programmes:
            where = f"programmes/{programme['key']}.yaml"
            spec = PageSpec(
                ProgrammePage,
                self.loaded("labs", programme["parent_lab"], where),  # it lives under the lab that runs it
                {"slug": programme["slug"][FR]},
                programme_values(ProgrammePage, programme, FR, self.image_id),
                relations={"labs": [self.loaded("labs", key, where) for key in programme.get("labs", [])]},
            )
            english = programme_values(ProgrammePage, programme, EN, self.image_id)
            self.publish("programmes", programme["key"], spec, english)

    def load_practices(self):
        content, sources = self.content, self.catalogue.sources
        parent = self.index(PracticeIndexPage)
        for practice in self.catalogue.practices:
            key, where = practice["key"], f"practices/{practice['key']}.yaml"
            programme = self.loaded("programmes", practice["programme"], where) if practice.get("programme") else None
            relations = {name: _terms(TAXONOMIES[name], practice.get(name, []), where) for name in PRACTICE_TAXONOMIES}
            relations["labs"] = [self.loaded("labs", lab_key, where) for lab_key in practice.get("labs", [])]
            spec = PageSpec(
                PracticePage,
                parent,
                {"external_id": f"demo:practice:{key}"},
                practice_values(PracticePage, practice, FR, programme, sources),
                relations=relations,
                children={"transposed_from": transposition_rows(practice, content.practices, FR)},
                live=practice.get("live", True),
            )
            english = practice_values(PracticePage, practice, EN, programme, sources)
            english_children = {"transposed_from": transposition_rows(practice, content.practices, EN)}
            page = self.publish("practices", key, spec, english, english_children)
            if practice.get("restricted"):
                _restrict(page)
                _restrict(content.english[("practices", key)])


def check(catalogue: Catalogue):
    """Every file holds only keys the loader knows: a typo is reported before anything is written."""
    for page in catalogue.pages:
        if page.get("type") not in PAGE_TYPES:
            raise DemoDataError(f"pages/{page['key']}.yaml: type must be one of {sorted(PAGE_TYPES)}")
        check_keys("pages", page, PAGE_TYPES[page["type"]][1])
    for kind, fields in (("labs", LAB_FIELDS), ("programmes", PROGRAMME_FIELDS), ("practices", PRACTICE_FIELDS)):
        for item in getattr(catalogue, kind):
            check_keys(kind, item, fields)


def _silent(step: Step):
    pass


@transaction.atomic
def load_demo(folder: Path | str = CONTENT, progress: Callable[[Step], None] = _silent) -> DemoContent:
    """Create or update the whole demo from the data files in ``folder``: site pages, labs,
    programmes, practices and their translations, then the editorial groups and workflow."""
    catalogue = read_catalogue(folder)
    check(catalogue)
    home = ensure_site()
    ensure_vocabularies()  # the demo classifies practices with the seeded terms
    loader = DemoLoader(catalogue, home, progress)
    loader.load_pages()
    loader.load_labs()
    loader.load_programmes()
    loader.load_practices()
    ensure_editorial_setup()
    return loader.content
