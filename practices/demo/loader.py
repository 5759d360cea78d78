"""Load the demo content: ``load_demo()`` is used by ``manage.py load_demo`` and by the tests.

Idempotent: every page is found again by a stable key and only revised when its content
differs, every English translation is only re-saved when its strings changed.
"""

import importlib
import logging
from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import PageViewRestriction

from labs.models import LabIndexPage, LabPage, ProgrammePage
from practices.demo import catalogue, images, site_pages
from practices.demo.fields import (
    PRACTICE_RELATIONS,
    in_language,
    lab_values,
    practice_values,
    programme_values,
    transposition_rows,
)
from practices.demo.labs import lab_description
from practices.demo.programmes import programme_description, programme_funders
from practices.demo.publishing import PageSpec, upsert_page
from practices.demo.text import EN, FR, localize
from practices.demo.translation import translate_page
from practices.models import PracticeIndexPage, PracticePage
from praxis.models import StandardPage
from praxis.services.site_setup import ensure_site
from taxonomy.models import Instrument, Method, PolicyArea, TerritoryType
from taxonomy.seeds import ensure_vocabularies

logger = logging.getLogger(__name__)

EDITORIAL_SETUP_MODULES = ("praxis.services.editorial", "practices.services.editorial")
TAXONOMIES = {
    "policy_areas": PolicyArea,
    "territory_types": TerritoryType,
    "instruments": Instrument,
    "methods": Method,
}


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


def _publish(content: DemoContent, kind: str, key: str, spec: PageSpec, children=None):
    """Create or update the French page from bilingual ``spec.values``, then its English translation."""
    bilingual_values, bilingual_children = spec.values, children or {}
    spec.values = in_language(bilingual_values, FR)
    spec.children = {name: localize(rows, FR) for name, rows in bilingual_children.items()}
    upserted = upsert_page(spec)
    english_children = {name: localize(rows, EN) for name, rows in bilingual_children.items()}
    english_page, translated = translate_page(
        upserted.page,
        in_language(bilingual_values, EN),
        children=english_children,
        source_changed=upserted.changed,
        live=spec.live,
    )
    content.record(kind, key, upserted.page, english_page, upserted.changed or translated)
    return upserted.page


def _terms(model, slugs: list[str]):
    found = {term.slug: term for term in model.objects.filter(slug__in=slugs)}
    missing = sorted(set(slugs) - set(found))
    if missing:
        raise ValueError(f"Unknown {model._meta.verbose_name_plural} slugs in the demo data: {missing}")
    return [found[slug] for slug in slugs]


def _load_skeleton(content: DemoContent, home):
    about_image = images.ensure_image(
        "Illustration : réseau des laboratoires (Praxis)",
        "Schéma abstrait de points reliés en anneau autour d'un centre commun.",
        "praxis-reseau.png",
        lambda: images.draw_network(8, "about"),
    )
    for key, model, data in (
        ("lab-index", LabIndexPage, site_pages.LAB_INDEX),
        ("practice-index", PracticeIndexPage, site_pages.PRACTICE_INDEX),
    ):
        # One index of each kind under the home page, whatever its slug (max_count_per_parent = 1).
        values = {"title": data["title"], "slug": data["slug"], "intro": data["intro"], "show_in_menus": True}
        _publish(content, "pages", key, PageSpec(model, home, {}, values))
    for data in (
        site_pages.about_page(about_image.pk),
        site_pages.legal_notice_page(),
        site_pages.accessibility_page(),
    ):
        values = {"title": data["title"], "slug": data["slug"], "intro": data["intro"], "body": data["body"]}
        spec = PageSpec(StandardPage, home, {"slug": data["slug"].fr}, values)
        _publish(content, "pages", data["key"], spec)


def _load_labs(content: DemoContent):
    parent = content.pages["lab-index"]
    for lab in catalogue.LABS:
        logo = images.ensure_image(
            f"Logo : {lab['title'].fr}",
            lab["title"].fr,
            f"logo-{lab['key']}.png",
            lambda lab=lab: images.draw_logo(lab["initials"], lab["key"]),
        )
        spec = PageSpec(
            LabPage,
            parent,
            {"external_id": f"demo:lab:{lab['key']}"},
            lab_values(lab, lab_description(lab), logo),
            relations={"methods": _terms(Method, lab["methods"])},
        )
        _publish(content, "labs", lab["key"], spec)


ILLUSTRATIONS = {
    "network": lambda count, key: images.draw_network(count, key),
    "houses": lambda count, key: images.draw_houses(count, key),
    "bounce": lambda count, key: images.draw_bounce(key),
    "beams": lambda count, key: images.draw_beams(key),
}


def _load_programmes(content: DemoContent):
    parent = content.labs[catalogue.PROGRAMME_PARENT_LAB]
    for programme in catalogue.PROGRAMMES:
        kind, count = programme["illustration"]
        illustration = images.ensure_image(
            f"Illustration : {programme['title'].fr}",
            programme["figure_alt"].fr,
            f"programme-{programme['key']}.png",
            lambda kind=kind, count=count, key=programme["key"]: ILLUSTRATIONS[kind](count, key),
        )
        spec = PageSpec(
            ProgrammePage,
            parent,
            {"slug": programme["slug"].fr},
            programme_values(
                programme, programme_description(programme, illustration.pk), programme_funders(programme)
            ),
            relations={"labs": [content.labs[key] for key in programme["labs"]]},
        )
        _publish(content, "programmes", programme["key"], spec)


def _restrict(page):
    if not PageViewRestriction.objects.filter(page=page, restriction_type=PageViewRestriction.LOGIN).exists():
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def _load_practices(content: DemoContent):
    parent = content.pages["practice-index"]
    for practice in catalogue.PRACTICES:
        key = practice["key"]
        programme = content.programmes[practice["programme"]] if practice.get("programme") else None
        relations = {name: _terms(TAXONOMIES[name], practice[name]) for name in PRACTICE_RELATIONS if name != "labs"}
        relations["labs"] = [content.labs[lab_key] for lab_key in practice["labs"]]
        spec = PageSpec(
            PracticePage,
            parent,
            {"external_id": f"demo:practice:{key}"},
            practice_values(practice, programme),
            relations=relations,
            live=practice.get("live", True),
        )
        children = {"transposed_from": transposition_rows(practice, content.practices)}
        page = _publish(content, "practices", key, spec, children=children)
        if practice.get("restricted"):
            _restrict(page)
            _restrict(content.english[("practices", key)])


def run_editorial_setup():
    """Call another module's ``ensure_editorial_setup()`` (groups, workflow) when it exists."""
    for module_name in EDITORIAL_SETUP_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        setup = getattr(module, "ensure_editorial_setup", None)
        if setup is not None:
            setup()
            return module_name
    return None


@transaction.atomic
def load_demo() -> DemoContent:
    """Create or update the whole demo: site skeleton, labs, programmes, practices, translations."""
    home = ensure_site()
    ensure_vocabularies()  # the demo classifies practices with the seeded terms
    content = DemoContent(home=home)
    _load_skeleton(content, home)
    _load_labs(content)
    _load_programmes(content)
    _load_practices(content)
    editorial = run_editorial_setup()
    if editorial is None:
        logger.info("No ensure_editorial_setup() found; editorial groups and workflow left as they are.")
    return content
