"""Pieces shared by the demo practices: key figures, partners, La Transfo's common facts."""

from datetime import date

from practices.demo.text import T, rich

VERIFIED = date(2026, 11, 20)


def figure(value: T, label: T):
    return ("figure", {"value": value, "label": label})


def same(text: str) -> T:
    """A value written the same way in both languages (a name, a year)."""
    return T(text, text)


def partner(name: str, role: T):
    return ("partner", {"name": name, "role": role})


BLOOMBERG = partner(
    "Bloomberg Philanthropies",
    T(
        "Cofinancement de La Transfo (86 000 € par collectivité)",
        "Co-funding of La Transfo (€86,000 per local government)",
    ),
)
LA_27E_COACHING = partner(
    "La 27e Région",
    T(
        "Conception du programme, accompagnement par des sociologues et des urbanistes",
        "Programme design, coaching by sociologists and urban planners",
    ),
)

TRANSFO_TEAM_FIGURES = [
    figure(same("20"), T("agents volontaires, de catégorie A, B ou C", "volunteer staff from grades A, B and C")),
    figure(T("35 à 40", "35 to 40"), T("jours mobilisés par agent", "days given by each person")),
    figure(
        T("14 à 18 mois", "14 to 18 months"),
        T("de travail sur un projet transversal", "on one cross-departmental project"),
    ),
]
BLOOMBERG_FIGURE = figure(
    T("86 000 €", "€86,000"),
    T(
        "versés par Bloomberg Philanthropies à chaque collectivité",
        "paid by Bloomberg Philanthropies to each local government",
    ),
)

TRANSFO_SHEET = {
    "budget_range": "50k-200k",
    "staff_time": "1-3",
    "duration": "1-2y",
    "evidence_level": "self_declared",
    "licence": "CC-BY-4.0",
    "last_verified": VERIFIED,
}

TRANSFO_METHODS = ["design-de-services", "immersion", "prototypage", "co-construction"]

TRANSFO_CHALLENGES = rich(
    T(
        "Quelques volontaires ont renoncé au bout de quelques semaines, jugeant l'exercice trop difficile.",
        "A few volunteers gave up after a few weeks, finding the exercise too hard.",
    ),
    T(
        "Le plus délicat est le retour des agents dans leur service : ils y retrouvent une gestion verticale, "
        "où l'on fixe les moyens avant les objectifs, et vivent un décalage que La 27e Région compare à une "
        "dissonance cognitive.",
        "The hardest part is when staff go back to their departments: they meet top-down management again, "
        "where means are set before goals, and experience a gap that La 27e Région likens to cognitive "
        "dissonance.",
    ),
)
