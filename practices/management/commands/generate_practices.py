"""Generate many realistic practices (and labs) quickly, for benchmarks and load tests.

    manage.py generate_practices 10000 --labs 200

Tops up: practices and labs made by an earlier run (``external_id`` starting with
``gen-``) are counted, so ``generate_practices 1000`` then ``generate_practices 10000``
leaves 10,000. Pages are inserted in bulk (tree paths computed here), published, with
their classification, and indexed in every configured search backend. A share of the
practices (``--translated``) also gets an English translation, so language fallback is
exercised. Deterministic for a given ``--seed``.
"""

import random
import uuid
from datetime import date, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models.sql import InsertQuery
from django.utils import timezone
from modelsearch.backends import get_search_backends
from wagtail.models import Locale, Page

from labs.models import LabIndexPage, LabPage
from practices.choices import BudgetRange, EvidenceLevel, LegalCompetence, LifecycleStage
from practices.models import PracticeIndexPage, PracticePage
from praxis.services.site_setup import ensure_site, ensure_translation
from taxonomy.models import Instrument, Method, PolicyArea, TerritoryType

PREFIX = "gen-"
BATCH = 500

# Words by policy area slug (French, English): titles and bodies draw from them, so
# that queries have broad and selective matches like real content.
THEMES = {
    "action-sociale": (
        ["accueil social", "insertion", "accompagnement", "aidants", "précarité", "minima sociaux"],
        ["social welcome", "inclusion", "support", "carers", "poverty", "benefits"],
    ),
    "logement": (
        ["logement social", "habitat", "hébergement d'urgence", "colocation solidaire", "bailleurs"],
        ["social housing", "housing", "emergency shelter", "shared housing", "landlords"],
    ),
    "renovation-energetique": (
        ["rénovation énergétique", "passoires thermiques", "isolation", "chaudières", "copropriétés"],
        ["energy renovation", "energy-inefficient homes", "insulation", "boilers", "condominiums"],
    ),
    "culture-bibliotheques": (
        ["médiathèques", "bibliothèque", "lecture publique", "musée", "tiers-lieu culturel"],
        ["media libraries", "library", "public reading", "museum", "cultural third place"],
    ),
    "mobilite": (
        ["covoiturage", "transport à la demande", "vélo", "mobilité solidaire", "navettes"],
        ["car sharing", "on-demand transport", "cycling", "inclusive mobility", "shuttles"],
    ),
    "developpement-economique": (
        ["commerce de centre-bourg", "emploi local", "artisans", "circuits courts", "entreprises"],
        ["town centre shops", "local jobs", "craftspeople", "short supply chains", "businesses"],
    ),
    "sante-hopitaux": (
        ["santé", "maison de santé", "urgences", "prévention", "hôpital", "médecins"],
        ["health", "health centre", "emergency department", "prevention", "hospital", "doctors"],
    ),
    "rh-management": (
        ["agents", "management", "télétravail", "qualité de vie au travail", "recrutement"],
        ["staff", "management", "remote work", "quality of working life", "recruitment"],
    ),
    "transition-ecologique": (
        ["biodiversité", "sobriété", "nature en ville", "îlots de fraîcheur", "climat"],
        ["biodiversity", "sufficiency", "urban nature", "cool islands", "climate"],
    ),
    "democratie-participation": (
        ["budget participatif", "concertation", "conseil citoyen", "assemblée", "jury citoyen"],
        ["participatory budget", "consultation", "citizens' council", "assembly", "citizens' jury"],
    ),
    "education-jeunesse": (
        ["collèges", "écoles", "décrochage scolaire", "jeunesse", "restauration scolaire"],
        ["secondary schools", "schools", "early school leaving", "youth", "school meals"],
    ),
    "espace-public": (
        ["espace public", "places", "cours d'école", "éclairage", "propreté"],
        ["public space", "squares", "schoolyards", "street lighting", "cleanliness"],
    ),
    "administration-numerique": (
        ["démarches en ligne", "accueil des usagers", "formulaires", "France services", "numérique"],
        ["online procedures", "front desk", "forms", "France services", "digital"],
    ),
}
ACTIONS = (
    ["Repenser", "Expérimenter", "Co-concevoir", "Simplifier", "Réinventer", "Améliorer"],
    ["Rethinking", "Testing", "Co-designing", "Simplifying", "Reinventing", "Improving"],
)
FILLER = [
    "les",
    "habitants",
    "agents",
    "élus",
    "partenaires",
    "usagers",
    "territoire",
    "projet",
    "équipe",
    "dispositif",
    "service",
    "public",
    "collectivité",
    "département",
    "commune",
    "région",
    "atelier",
    "prototype",
    "enquête",
    "terrain",
    "évaluation",
    "résultats",
    "coopération",
    "budget",
    "calendrier",
    "diagnostic",
    "besoins",
    "parcours",
    "retours",
    "ajustements",
    "méthode",
]
FILLER_EN = [
    "residents",
    "staff",
    "councillors",
    "partners",
    "users",
    "territory",
    "project",
    "team",
    "scheme",
    "public",
    "service",
    "authority",
    "county",
    "town",
    "region",
    "workshop",
    "prototype",
    "survey",
    "fieldwork",
    "evaluation",
    "results",
    "cooperation",
    "budget",
    "timeline",
    "diagnosis",
    "needs",
    "journey",
    "feedback",
    "adjustments",
    "method",
]
CITIES = [
    "Mulhouse", "Lyon", "Rennes", "Nantes", "Lille", "Grenoble", "Bordeaux", "Toulouse", "Brest", "Dijon",
    "Albi", "Aurillac", "Cergy", "Pontoise", "Bayonne", "Tulle", "Guéret", "Mende", "Foix", "Gap",
]  # fmt: skip
COUNTRIES = ["FR"] * 8 + ["BE", "DK", "GB", "ES", "IT", "DE", "NL", "CA"]


class Command(BaseCommand):
    help = "Generate N realistic practices across labs (for benchmarks); tops up earlier runs."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many practices there should be in the end.")
        parser.add_argument("--labs", type=int, default=200, help="How many labs to spread them over.")
        parser.add_argument("--translated", type=float, default=0.2, help="Share translated into English.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--no-index", action="store_true", help="Do not index (run update_index later).")

    def handle(self, *args, count, labs, translated, seed, no_index, **options):
        if count < 0 or labs < 1 or not 0 <= translated <= 1:
            raise CommandError("count must be ≥ 0, --labs ≥ 1 and --translated between 0 and 1.")
        self.rng = random.Random(seed)
        self.now = timezone.now()
        self.french = Locale.objects.get(language_code="fr") if Locale.objects.exists() else None
        home = ensure_site()
        self.french = home.locale
        self.english = Locale.objects.filter(language_code="en").first() if "en" in dict(settings.LANGUAGES) else None
        self.terms = {
            "policy_areas": list(PolicyArea.objects.all()),
            "territory_types": list(TerritoryType.objects.all()),
            "instruments": list(Instrument.objects.all()),
            "methods": list(Method.objects.all()),
        }
        if not self.terms["policy_areas"]:
            raise CommandError("No policy areas: run migrate first (the vocabularies are seeded there).")
        lab_index = self.index_page(home, LabIndexPage, "Laboratoires", "laboratoires")
        self.index_page(home, PracticeIndexPage, "Pratiques", "pratiques")
        with transaction.atomic():
            lab_pages = self.top_up_labs(lab_index, labs)
            created = self.top_up_practices(lab_pages, count, translated)
        if not no_index:
            self.index(created)
        self.stdout.write(f"{len(created)} practice pages created; {count} generated practices in all.")

    # Site skeleton

    def index_page(self, home, model, title, slug):
        page = model.objects.child_of(home).first()
        if page is None:
            page = home.add_child(instance=model(title=title, slug=slug, locale=home.locale))
            page.save_revision().publish()
        if self.english:
            ensure_translation(page, self.english)
        return page

    # Labs

    def top_up_labs(self, lab_index, wanted):
        existing = list(LabPage.objects.filter(locale=self.french, external_id__startswith=PREFIX).order_by("pk"))
        specs = []
        for number in range(len(existing) + 1, wanted + 1):
            city = self.rng.choice(CITIES)
            specs.append(
                {
                    "title": f"Laboratoire d'innovation publique {number} de {city}",
                    "slug": f"gen-lab-{number}",
                    "fields": {
                        "summary": f"Un laboratoire qui accompagne les services de {city} dans leurs projets.",
                        "host_institution": f"Collectivité de {city}",
                        "institution_type": self.rng.choice(["region", "departement", "city", "intercommunality"]),
                        "government_level": self.rng.choice(["regional", "departmental", "municipal"]),
                        "country": self.rng.choice(COUNTRIES),
                        "city": city,
                        "status": "active",
                        "external_id": f"{PREFIX}lab-{number}",
                    },
                }
            )
        new = bulk_pages(lab_index, LabPage, specs, self.now)
        methods = self.terms["methods"]
        through = LabPage.methods.through
        through.objects.bulk_create(
            [through(labpage_id=lab.pk, method_id=m.pk) for lab in new for m in self.rng.sample(methods, 2)]
        )
        if self.english and new:
            english_index = lab_index.get_translation(self.english)
            english_specs = [
                {**spec, "translation_key": lab.translation_key, "fields": {**spec["fields"], "summary": "A lab."}}
                for spec, lab in zip(specs, new, strict=True)
            ]
            english = bulk_pages(english_index, LabPage, english_specs, self.now, locale=self.english)
            through.objects.bulk_create(
                [
                    through(labpage_id=en.pk, method_id=row.method_id)
                    for en, fr in zip(english, new, strict=True)
                    for row in through.objects.filter(labpage_id=fr.pk)
                ]
            )
        return existing + new

    # Practices

    def top_up_practices(self, labs, wanted, translated):
        done = PracticePage.objects.filter(locale=self.french, external_id__startswith=PREFIX).count()
        by_parent, english_by_parent = {}, {}
        english_labs = {}
        if self.english:
            english_labs = {
                lab.translation_key: lab
                for lab in LabPage.objects.filter(locale=self.english, external_id__startswith=PREFIX)
            }
        for number in range(done + 1, wanted + 1):
            lab = labs[number % len(labs)]
            spec = self.practice_spec(number)
            by_parent.setdefault(lab.pk, (lab, []))[1].append(spec)
            if self.english and self.rng.random() < translated and lab.translation_key in english_labs:
                english_by_parent.setdefault(lab.pk, []).append(spec)
        created = []
        for lab, specs in by_parent.values():
            pages = bulk_pages(lab, PracticePage, specs, self.now)
            self.classify(pages, specs, lab)
            created += pages
            english_specs = english_by_parent.get(lab.pk, [])
            if english_specs:
                for spec in english_specs:
                    spec["translation_key"] = spec["page"].translation_key
                    spec["title"], spec["fields"] = spec["english"]
                english = bulk_pages(
                    english_labs[lab.translation_key], PracticePage, english_specs, self.now, self.english
                )
                self.classify(english, english_specs, lab)
                created += english
        return created

    def practice_spec(self, number):
        rng = self.rng
        areas = rng.sample(self.terms["policy_areas"], rng.choice([1, 1, 2, 2, 3]))
        theme_fr, theme_en = THEMES.get(areas[0].slug, (["service public"], ["public service"]))
        index = rng.randrange(len(theme_fr))
        action = rng.randrange(len(ACTIONS[0]))
        city = rng.choice(CITIES)
        title = f"{ACTIONS[0][action]} {theme_fr[index]} à {city} ({number})"
        english_title = f"{ACTIONS[1][action]} {theme_en[index]} in {city} ({number})"
        start = rng.randint(2008, 2024)
        extra = [w for area in areas[1:] for w in THEMES.get(area.slug, ([], []))[0][:2]]
        fields = {
            "summary": f"{title}. " + self.sentence(FILLER, 20, theme_fr + extra),
            "problem": f"<p>{self.sentence(FILLER, 60, theme_fr)}</p>",
            "actions": f"<p>{self.sentence(FILLER, 80, theme_fr + extra)}</p>",
            "results": f"<p>{self.sentence(FILLER, 50, theme_fr)}</p>",
            "lessons": f"<p>{self.sentence(FILLER, 30, theme_fr)}</p>",
            "territory_name": city,
            "country": rng.choice(COUNTRIES),
            "lifecycle_stage": rng.choice(LifecycleStage.values),
            "evidence_level": rng.choice(EvidenceLevel.values),
            "legal_competence": rng.choice(["", *LegalCompetence.values]),
            "budget_range": rng.choice(["", *BudgetRange.values]),
            "start_year": start,
            "last_verified": date(2025, 6, 1) - timedelta(days=rng.randrange(1500)),
            "external_id": f"{PREFIX}{number}",
        }
        english_fields = {
            **fields,
            "summary": f"{english_title}. " + self.sentence(FILLER_EN, 20, theme_en),
            "problem": f"<p>{self.sentence(FILLER_EN, 60, theme_en)}</p>",
            "actions": f"<p>{self.sentence(FILLER_EN, 80, theme_en)}</p>",
            "results": f"<p>{self.sentence(FILLER_EN, 50, theme_en)}</p>",
            "lessons": f"<p>{self.sentence(FILLER_EN, 30, theme_en)}</p>",
        }
        return {
            "title": title,
            "slug": f"gen-{number}",
            "fields": fields,
            "english": (english_title, english_fields),
            "terms": {
                "policy_areas": areas,
                "territory_types": rng.sample(self.terms["territory_types"], rng.choice([1, 1, 2])),
                "instruments": rng.sample(self.terms["instruments"], rng.choice([1, 2])),
                "methods": rng.sample(self.terms["methods"], 1) if self.terms["methods"] else [],
            },
            "published": self.now - timedelta(days=rng.randrange(2000), seconds=number),
        }

    def sentence(self, words, length, theme):
        picked = [self.rng.choice(theme) if self.rng.random() < 0.15 else self.rng.choice(words) for _ in range(length)]
        return " ".join(picked).capitalize() + "."

    def classify(self, pages, specs, lab):
        for page, spec in zip(pages, specs, strict=True):
            spec.setdefault("page", page)
        for relation, terms_key in [
            ("policy_areas", "policy_areas"),
            ("territory_types", "territory_types"),
            ("instruments", "instruments"),
            ("methods", "methods"),
        ]:
            field = PracticePage._meta.get_field(relation)
            through = field.remote_field.through
            target = field.m2m_reverse_field_name()
            rows = [
                through(**{"practicepage_id": page.pk, f"{target}_id": term.pk})
                for page, spec in zip(pages, specs, strict=True)
                for term in spec["terms"][terms_key]
            ]
            through.objects.bulk_create(rows)
        labs = PracticePage.labs.through
        labs.objects.bulk_create([labs(practicepage_id=page.pk, labpage_id=lab.pk) for page in pages])

    # Search index

    def index(self, pages):
        ids = [page.pk for page in pages]
        backends = list(get_search_backends(with_auto_update=True))
        for start in range(0, len(ids), BATCH):
            chunk = list(
                PracticePage.objects.filter(pk__in=ids[start : start + BATCH]).prefetch_related(
                    "policy_areas", "territory_types", "instruments"
                )
            )
            for backend in backends:
                backend.add_bulk(PracticePage, chunk)
        labs = list(LabPage.objects.filter(external_id__startswith=PREFIX).prefetch_related("methods"))
        for backend in backends:
            backend.add_bulk(LabPage, labs)


def bulk_pages(parent, model, specs, now, locale=None):
    """Insert published ``model`` pages under ``parent`` in two statements per batch.

    Wagtail's ``add_child`` costs several queries per page (tree, revision, signals);
    here the tree paths are computed, then the ``Page`` rows and the ``model`` rows are
    inserted in bulk. Returns the pages (``model`` instances with their pk).
    """
    if not specs:
        return []
    parent.refresh_from_db()
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    content_type = ContentType.objects.get_for_model(model)
    locale = locale or parent.locale
    pages = []
    for offset, spec in enumerate(specs, start=1):
        published = spec.get("published", now)
        page = model(
            title=spec["title"],
            draft_title=spec["title"],
            slug=spec["slug"],
            content_type=content_type,
            path=parent.path + Page._int2str(step + offset).rjust(Page.steplen, Page.alphabet[0]),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{spec['slug']}/",
            locale=locale,
            translation_key=spec.get("translation_key") or uuid.uuid4(),
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            **spec["fields"],
        )
        pages.append(page)
    for start in range(0, len(pages), BATCH):
        batch = pages[start : start + BATCH]
        bases = Page.objects.bulk_create(
            [Page(**{f.attname: getattr(p, f.attname) for f in page_fields()}) for p in batch]
        )
        for page, base in zip(batch, bases, strict=True):
            page.pk = page.id = page.page_ptr_id = base.pk
        query = InsertQuery(model)
        query.insert_values(model._meta.local_concrete_fields, batch, raw=True)
        query.get_compiler(connection=connection).execute_sql()
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    return pages


def page_fields():
    return [f for f in Page._meta.concrete_fields if not f.primary_key]
