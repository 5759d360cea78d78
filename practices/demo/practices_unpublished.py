"""Two practices that must never reach the public: a draft and a view-restricted page.

They exist so that privacy tests have real content to check against. Their titles say
what they are.
"""

from practices.demo.practice_parts import LA_27E_COACHING, VERIFIED, figure, partner, same
from practices.demo.sources import AEF_TRANSFO
from practices.demo.text import T, lines, rich

DRAFT_CIVIC_HALLS = {
    "key": "brouillon-halles-civiques",
    "live": False,
    "slug": T("brouillon-halles-civiques-belleville", "draft-civic-halls-belleville"),
    "title": T(
        "[Brouillon] Halles civiques : un lieu pour l'innovation démocratique à Belleville",
        "[Draft] Civic halls: a place for democratic innovation in Belleville",
    ),
    "summary": T(
        "Fiche en cours de rédaction, non publiée. Un collectif de 17 organisations, dont La 27e Région, "
        "Démocratie ouverte et la direction interministérielle de la transformation publique, prépare un lieu "
        "consacré à l'innovation démocratique dans le quartier de Belleville, à Paris.",
        "Entry being written, not published. A group of 17 organisations, including La 27e Région, Démocratie "
        "ouverte and the interministerial directorate for public transformation, is preparing a venue devoted to "
        "democratic innovation in the Belleville district of Paris.",
    ),
    "problem": rich(
        T(
            "Les acteurs de l'innovation démocratique manquaient d'un lieu commun pour travailler ensemble.",
            "Players in democratic innovation lacked a shared place to work together.",
        ),
    ),
    "actions": rich(
        T(
            "Les membres du collectif préparent l'ouverture du lieu, annoncée pour le mois de mars.",
            "The group's members are preparing the venue's opening, announced for March.",
        ),
    ),
    "results": rich(T("À compléter après l'ouverture.", "To be completed after the opening.")),
    "key_figures": [figure(same("17"), T("organisations membres du collectif", "member organisations"))],
    "challenges": rich(T("À documenter.", "To be documented.")),
    "success_conditions": rich(T("À documenter.", "To be documented.")),
    "lessons": rich(T("À documenter.", "To be documented.")),
    "lifecycle_stage": "idea",
    "start_year": 2018,
    "evidence_level": "self_declared",
    "territory_name": "Paris, quartier de Belleville",
    "country": "FR",
    "population": 2100000,
    "latitude": "48.872000",
    "longitude": "2.376000",
    "policy_areas": ["democratie-participation"],
    "territory_types": ["metropolitain"],
    "instruments": ["convention"],
    "methods": ["co-construction"],
    "labs": ["la-27e-region"],
    "partners": [partner("Démocratie ouverte", T("Membre du collectif", "Member of the group"))],
    "legal_competence": "commune",
    "budget_range": "50k-200k",
    "staff_time": "1-3",
    "duration": "6-12m",
    "prerequisites": lines(T("Un lieu disponible", "An available venue")),
    "core_elements": lines(T("Un collectif de plusieurs organisations", "A group of several organisations")),
    "adaptable_elements": lines(T("Le quartier d'implantation", "The district chosen")),
    "sources": [AEF_TRANSFO],
    "licence": "CC-BY-4.0",
    "last_verified": VERIFIED,
}

RESTRICTED_STAFF_RETURN = {
    "key": "acces-reserve-retour-des-agents",
    "restricted": True,
    "slug": T("acces-reserve-retour-des-agents-transfo", "restricted-staff-return-transfo"),
    "title": T(
        "[Accès réservé] Le retour des agents dans leurs services après La Transfo",
        "[Restricted] Staff returning to their departments after La Transfo",
    ),
    "summary": T(
        "Fiche réservée aux membres connectés du réseau. Elle rassemble ce que La Transfo a appris des "
        "difficultés des agents volontaires : abandons en cours de route, retour délicat dans les services, "
        "réactions syndicales.",
        "Entry reserved for signed-in members of the network. It gathers what La Transfo learnt about the "
        "difficulties met by volunteer staff: drop-outs along the way, a difficult return to their departments, "
        "union reactions.",
    ),
    "problem": rich(
        T(
            "Après des mois de travail transversal, les volontaires retrouvent des services gérés de manière "
            "verticale, où l'on définit les moyens avant les objectifs.",
            "After months of cross-departmental work, volunteers go back to departments run top-down, where "
            "means are set before goals.",
        ),
    ),
    "actions": rich(
        T(
            "La 27e Région a interrogé les agents sur leur expérience et suivi leur retour dans les services.",
            "La 27e Région asked staff about their experience and followed their return to their departments.",
        ),
    ),
    "results": rich(
        T(
            "Certains participants ont abandonné après quelques semaines. Au retour, beaucoup vivent un décalage "
            "entre les projets innovants et la gestion traditionnelle. La CFDT a apporté son soutien ; en "
            "Occitanie, Sud a critiqué la démarche.",
            "Some participants dropped out after a few weeks. On their return, many felt a gap between innovative "
            "projects and traditional management. The CFDT union gave its support; in Occitanie, the Sud union "
            "criticised the approach.",
        ),
    ),
    "key_figures": [figure(same("5"), T("collectivités engagées en 2018", "local governments involved in 2018"))],
    "challenges": rich(
        T(
            "Le rythme de production s'accélère, mais la décision ne suit pas forcément.",
            "Work speeds up, but decisions do not necessarily follow.",
        ),
    ),
    "success_conditions": rich(
        T(
            "Des élus et des encadrants présents pour soutenir l'envie d'innover des agents à leur retour.",
            "Elected officials and managers who are there to support staff's appetite for innovation on their return.",
        ),
    ),
    "lessons": rich(
        T(
            "Le retour se prépare dès le recrutement des volontaires, avec leur hiérarchie.",
            "The return must be prepared from the moment volunteers are recruited, with their managers.",
        ),
    ),
    "lifecycle_stage": "evaluated",
    "start_year": 2016,
    "end_year": 2018,
    "evidence_level": "internal",
    "territory_name": "Territoires de La Transfo",
    "country": "FR",
    "policy_areas": ["rh-management"],
    "territory_types": ["urbain", "metropolitain", "regional"],
    "instruments": ["laboratoire-interne"],
    "methods": ["evaluation"],
    "labs": ["la-27e-region", "mulhouse", "dunkerque", "paris", "occitanie"],
    "programme": "la-transfo",
    "partners": [LA_27E_COACHING],
    "legal_competence": "commune",
    "budget_range": "lt10k",
    "staff_time": "lt0.5",
    "duration": "lt6m",
    "prerequisites": lines(T("Un programme de laboratoire interne en cours", "An in-house lab programme under way")),
    "core_elements": lines(T("Un suivi du retour des agents", "Follow-up of staff's return")),
    "adaptable_elements": lines(T("Les modalités d'accompagnement au retour", "How the return is supported")),
    "sources": [AEF_TRANSFO],
    "contact_name": "Stéphane Vincent",
    "contact_role": T("Délégué général de La 27e Région", "Managing director of La 27e Région"),
    "licence": "all-rights-reserved",
    "last_verified": VERIFIED,
}
