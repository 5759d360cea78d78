"""A full transposition plan, every list filled to realistic sizes: what the note tests and
the note benchmark (tests/bench/notes_bench.py) render."""

from decimal import Decimal

from factories.members import MemberFactory
from factories.territories import territory
from factories.transpositions import transposable_practice
from territories.models import Level
from transpositions.models import Plan

WHY = (
    "Les habitants éloignés des équipements sont ceux que la pratique atteint le mieux ; "
    "nos communes rurales ont le même besoin et la même distance aux services."
)


def note_practice(lab):
    """A practice of ``lab`` in Saint-Étienne (needs the territory reference loaded)."""
    return transposable_practice(
        lab,
        labs=[lab],
        summary="Un bibliobus qui va vers les habitants des hameaux.",
        reference_territory=territory(Level.COMMUNE, "42218"),
        population=173_136,
        licence="CC-BY-4.0",
        contact_name="Jeanne Équipe",
        contact_email="equipe@labo.fr",
    )


def lezoux_member():
    """A French-speaking member working for Lezoux (a commune: it holds the competence)."""
    return MemberFactory(name="Camille Lezoux", territory=territory(Level.COMMUNE, "63195"), language="fr")


def fill_plan(plan: Plan) -> Plan:
    """``plan`` with decisions, choices, prerequisites, risks, milestones, partners and sources."""
    decisions = [Plan.Decision.KEEP, Plan.Decision.CHANGE, Plan.Decision.KEEP, Plan.Decision.DROP]
    plan.core_elements = [
        {
            "text": f"Élément essentiel {n} : aller vers les habitants",
            "decision": decisions[n % 4],
            "why": f"{WHY} ({n})",
        }
        for n in range(1, 7)
    ]
    plan.core_elements[0] = {
        "text": "Aller vers les habitants",
        "decision": Plan.Decision.KEEP,
        "why": "Le cœur du projet",
    }
    plan.adaptable_elements = [
        {
            "text": f"Élément adaptable {n}",
            "choice": f"Choix local {n} : un véhicule plus petit, des horaires de marché",
        }
        for n in range(1, 6)
    ]
    plan.prerequisites = [
        {
            "text": f"Prérequis {n} : une convention signée",
            "state": Plan.Readiness.TO_DO if n % 2 else "in_place",
            "who": "Direction de la culture",
            "when": "Printemps 2027",
        }
        for n in range(1, 6)
    ]
    plan.risks = [
        {"text": "Le recrutement des chauffeurs", "mitigation": "Former deux agents du service technique"},
        *[
            {"text": f"Risque {n} : la météo d'hiver", "mitigation": f"Un calendrier adapté aux saisons ({n})"}
            for n in range(2, 6)
        ],
    ]
    plan.milestones = [
        {"what": "Délibération du conseil municipal", "when": "Mars 2027", "who": "Le maire"},
        *[
            {"what": f"Étape {n} : tournée d'essai", "when": f"Mai 202{7 + n // 4}", "who": "Cheffe de projet"}
            for n in range(2, 7)
        ],
    ]
    plan.partners = [
        {"name": f"Partenaire {n}", "role": "Prête des locaux et relaie l'information"} for n in range(1, 5)
    ]
    plan.price_change = Decimal("12.5")
    plan.notes = "Notes internes : à ne pas diffuser."
    plan.source = {
        **plan.source,
        "sources": [
            {"title": "Rapport d'évaluation 2022", "url": "https://example.org/evaluation.pdf"},
            {"title": "Délibération fondatrice", "url": "https://example.org/deliberation"},
            {"title": "Article de presse", "url": "https://example.org/article"},
        ],
    }
    plan.save()
    return plan
