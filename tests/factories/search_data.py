"""A small catalogue for the search tests: labs and practices in two languages, a draft,
a restricted page, an untranslated English original, and terms with and without practices.

Uses the vocabularies seeded by the migrations (policy areas, territory types,
instruments). ``build_catalogue()`` returns a namespace of everything created.
"""

from datetime import date
from types import SimpleNamespace

from wagtail.models import Locale, PageViewRestriction

from factories.labs import LabPageFactory
from factories.practices import PracticePageFactory
from praxis.services.site_setup import ensure_site, ensure_translation
from taxonomy.models import Instrument, PolicyArea, TerritoryType


def terms(model, *slugs):
    return list(model.objects.filter(slug__in=slugs))


def translate(page, locale, **fields):
    """Publish ``page``'s translation in ``locale`` with ``fields`` changed."""
    translation = ensure_translation(page, locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


# Searches of the catalogue below that cover every kind: words, words and a filter (a lab
# matches too), nothing, a filter and an order, several filters with freshness.
TYPICAL_SEARCHES = [
    {"q": "santé"},
    {"q": "gironde", "country": "FR"},
    {},
    {"policy_area": "sante-hopitaux", "sort": "title"},
    {"country": ["FR", "DK"], "stage": "evaluated", "verified": "recent"},
]


def practice(lab, title, summary, *, areas=(), territories=(), instruments=(), **fields):
    return PracticePageFactory(
        parent=lab,
        title=title,
        summary=summary,
        policy_areas=terms(PolicyArea, *areas),
        territory_types=terms(TerritoryType, *territories),
        instruments=terms(Instrument, *instruments),
        labs=[lab],
        **fields,
    )


def build_catalogue():
    ensure_site()
    french, english = Locale.objects.get(language_code="fr"), Locale.objects.get(language_code="en")
    gironde = LabPageFactory(
        title="Laboratoire d'innovation de la Gironde",
        slug="labo-gironde",
        acronym="LabGironde",
        host_institution="Département de la Gironde",
        city="Bordeaux",
        country="FR",
    )
    mindlab = LabPageFactory(
        title="MindLab",
        slug="mindlab",
        host_institution="Ministère danois de l'emploi",
        city="Copenhague",
        country="DK",
    )
    health = practice(
        gironde,
        "Maison de santé rurale à Aurillac",
        "Une maison de santé pluriprofessionnelle ouverte par la commune, avec des médecins salariés.",
        areas=["sante-hopitaux"],
        territories=["rural"],
        instruments=["subvention"],
        slug="maison-sante-aurillac",
        territory_name="Aurillac",
        lifecycle_stage="evaluated",
        evidence_level="external",
        legal_competence="commune",
        budget_range="50k-200k",
        start_year=2016,
        last_verified=date(2024, 5, 1),
    )
    library = practice(
        gironde,
        "Médiathèque troisième lieu à Rennes",
        "Transformer la médiathèque en lieu de vie : horaires élargis, ateliers et prêt d'outils.",
        areas=["culture-bibliotheques"],
        territories=["urbain"],
        instruments=["appel-a-projets"],
        slug="mediatheque-rennes",
        territory_name="Rennes",
        lifecycle_stage="scaled",
        evidence_level="internal",
        start_year=2019,
        last_verified=date(2023, 1, 10),
    )
    renovation = practice(
        mindlab,
        "Rénovation énergétique des logements sociaux",
        "Un guichet unique pour la rénovation énergétique des logements, avec les bailleurs sociaux.",
        areas=["renovation-energetique", "logement"],
        territories=["urbain", "rural"],
        instruments=["subvention"],
        slug="renovation-logements",
        territory_name="Aarhus",
        country="DK",
        lifecycle_stage="institutionalised",
        evidence_level="self_declared",
        legal_competence="region",
        budget_range="gt1m",
        start_year=2012,
    )
    hospital = practice(
        mindlab,
        "Hôpitaux : accueillir les urgences autrement",
        "Réorganiser l'accueil des urgences de l'hôpital avec les soignants et les patients.",
        areas=["sante-hopitaux"],
        territories=["urbain"],
        instruments=["appel-a-projets"],
        slug="urgences",
        territory_name="Odense",
        country="DK",
        lifecycle_stage="experimentation",
        start_year=2021,
        last_verified=date(2025, 2, 1),
    )
    hospital_en = translate(
        hospital,
        english,
        title="Hospitals: a new welcome in emergency departments",
        summary="Reorganising the welcome in the hospital's emergency department with carers and patients: health care.",
    )
    draft = practice(
        gironde, "Brouillon santé secret", "Une santé pas encore publiée.", areas=["sante-hopitaux"], live=False
    )
    restricted = practice(
        gironde, "Pratique réservée santé", "Une santé réservée aux agents.", areas=["sante-hopitaux"], slug="reservee"
    )
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="secret")  # noqa: S106
    gironde_en = ensure_translation(gironde, english)
    leeds = practice(
        gironde_en,
        "Community health workers in Leeds",
        "Health workers from the neighbourhood visit families at home.",
        areas=["sante-hopitaux", "action-sociale"],
        territories=["urbain"],
        instruments=["formation"],
        slug="leeds",
        territory_name="Leeds",
        country="GB",
        start_year=2018,
    )
    return SimpleNamespace(
        french=french,
        english=english,
        gironde=gironde,
        mindlab=mindlab,
        health=health,
        library=library,
        renovation=renovation,
        hospital=hospital,
        hospital_en=hospital_en,
        draft=draft,
        restricted=restricted,
        leeds=leeds,
        gironde_en=gironde_en,
    )
