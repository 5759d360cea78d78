"""La Transfo in Dunkirk and Lille (source: the AEF info report, 2018)."""

from practices.demo.practice_parts import (
    BLOOMBERG,
    BLOOMBERG_FIGURE,
    LA_27E_COACHING,
    TRANSFO_CHALLENGES,
    TRANSFO_METHODS,
    TRANSFO_SHEET,
    TRANSFO_TEAM_FIGURES,
    figure,
    same,
)
from practices.demo.sources import AEF_TRANSFO
from practices.demo.text import T, lines, rich

DUNKERQUE_RENOVATION = {
    "key": "dunkerque-renovation",
    "slug": T("dunkerque-aides-renovation-energetique", "dunkirk-energy-renovation-grants"),
    "title": T(
        "Dunkerque : amener les ménages précaires vers les aides à la rénovation énergétique",
        "Dunkirk: bringing low-income households to energy-renovation grants",
    ),
    "summary": T(
        "Le laboratoire de la Communauté urbaine de Dunkerque s'est attaqué à un paradoxe : les aides à la "
        "rénovation énergétique existent, mais les ménages précaires, qui en ont le plus besoin, s'en "
        "saisissent peu.",
        "Dunkirk Urban Community's lab tackled a paradox: grants for energy renovation exist, but the "
        "low-income households who need them most rarely take them up.",
    ),
    "problem": rich(
        T(
            "Les ménages en situation de précarité vivent souvent dans des logements mal isolés. Ils utilisent "
            "pourtant peu les dispositifs d'aide à la rénovation, ce qui prive la collectivité d'un levier à la "
            "fois social et climatique.",
            "Low-income households often live in poorly insulated homes. Yet they make little use of renovation "
            "grants, which deprives the local government of a lever that is both social and climate-related.",
        ),
    ),
    "actions": rich(
        T(
            "L'équipe de volontaires s'est donné pour objectif d'inciter ces ménages à mieux utiliser les aides. "
            "Elle a suivi la démarche commune à La Transfo : enquête auprès des personnes concernées, puis tests "
            "rapides de solutions.",
            "The volunteer team set out to encourage these households to make better use of the grants. It "
            "followed La Transfo's common approach: inquiry among the people concerned, then quick tests of "
            "solutions.",
        ),
    ),
    "results": rich(
        T(
            "Les sources présentent le projet sans publier de taux de recours avant et après ; il reste "
            "documenté comme une expérimentation.",
            "The sources describe the project without publishing take-up rates before and after; it remains "
            "documented as an experiment.",
        ),
    ),
    "key_figures": [*TRANSFO_TEAM_FIGURES[:2], BLOOMBERG_FIGURE],
    "challenges": TRANSFO_CHALLENGES,
    "success_conditions": rich(
        T(
            "Réunir dans l'équipe des agents de l'habitat, de l'action sociale et de l'énergie.",
            "Bring housing, social-action and energy staff together in the team.",
        ),
    ),
    "lessons": rich(
        T(
            "Une aide qui existe n'est pas une aide utilisée : le parcours du ménage compte autant que le montant.",
            "A grant that exists is not a grant that is used: the household's journey matters as much as the amount.",
        ),
    ),
    "lifecycle_stage": "experimentation",
    "start_year": 2017,
    "territory_name": "Communauté urbaine de Dunkerque",
    "country": "FR",
    "population": 195000,
    "latitude": "51.034300",
    "longitude": "2.376800",
    "policy_areas": ["renovation-energetique", "logement", "action-sociale"],
    "territory_types": ["urbain", "littoral"],
    "instruments": ["laboratoire-interne", "subvention", "experimentation"],
    "methods": ["immersion", "design-de-services", "prototypage"],
    "labs": ["dunkerque"],
    "programme": "la-transfo",
    "partners": [LA_27E_COACHING, BLOOMBERG],
    "legal_competence": "intercommunality",
    "prerequisites": lines(
        T("Un dispositif d'aide à la rénovation déjà en place", "An existing renovation grant scheme"),
        T("Des agents en contact avec les ménages concernés", "Staff in contact with the households concerned"),
    ),
    "core_elements": lines(
        T("Partir de l'expérience des ménages", "Start from households' experience"),
        T("Tester les changements à petite échelle", "Test changes on a small scale"),
    ),
    "adaptable_elements": lines(
        T("Les aides visées", "The grants targeted"),
        T("Les relais de proximité mobilisés", "The local intermediaries involved"),
    ),
    "sources": [AEF_TRANSFO],
    **TRANSFO_SHEET,
}

LILLE_TEAM = {
    "key": "lille-equipe-transversale",
    "slug": T("lille-equipe-transversale-usagers", "lille-cross-departmental-team-users"),
    "title": T(
        "Métropole européenne de Lille : une équipe transversale au service des usagers",
        "European Metropolis of Lille: a cross-departmental team working for users",
    ),
    "summary": T(
        "En 2018, la Métropole européenne de Lille est la cinquième administration à rejoindre La Transfo : une "
        "vingtaine d'agents travaillent sur un projet transversal pour améliorer le service rendu aux usagers.",
        "In 2018 the European Metropolis of Lille became the fifth administration to join La Transfo: about "
        "twenty staff work on a cross-departmental project to improve the service provided to users.",
    ),
    "problem": rich(
        T(
            "La métropole, désignée capitale mondiale du design pour 2020, voulait appliquer à sa propre "
            "administration une démarche centrée sur les usagers.",
            "The metropolis, named World Design Capital for 2020, wanted to apply a user-centred approach to its "
            "own administration.",
        ),
    ),
    "actions": rich(
        T(
            "Elle a repris le format de Mulhouse : une équipe de volontaires de toutes catégories, accompagnée "
            "par La 27e Région, travaillant sur un projet qui traverse plusieurs services.",
            "It took up Mulhouse's format: a team of volunteers from every grade, coached by La 27e Région, "
            "working on a project that cuts across several departments.",
        ),
    ),
    "results": rich(
        T(
            "Au lancement, les agents se disaient très satisfaits de pouvoir travailler entre services et de voir "
            "leur expertise prise en compte. Les résultats du projet ne sont pas encore documentés.",
            "At the start, staff said they were very pleased to work across departments and to see their "
            "expertise taken into account. The project's results are not yet documented.",
        ),
    ),
    "key_figures": [
        figure(T("5e", "5th"), T("administration à rejoindre La Transfo", "administration to join La Transfo")),
        figure(T("Une vingtaine", "About 20"), T("d'agents dans l'équipe", "staff in the team")),
        figure(same("2020"), T("capitale mondiale du design", "World Design Capital")),
    ],
    "challenges": TRANSFO_CHALLENGES,
    "success_conditions": rich(
        T(
            "S'appuyer sur l'élan de l'année du design pour légitimer la démarche en interne.",
            "Use the momentum of the design year to give the approach legitimacy internally.",
        ),
    ),
    "lessons": rich(
        T(
            "Un format éprouvé ailleurs se transpose d'autant mieux qu'il laisse le sujet au choix du territoire.",
            "A format proven elsewhere travels better when it leaves the choice of subject to the territory.",
        ),
    ),
    "lifecycle_stage": "experimentation",
    "start_year": 2018,
    "territory_name": "Métropole européenne de Lille",
    "country": "FR",
    "population": 1180000,
    "latitude": "50.629200",
    "longitude": "3.057300",
    "policy_areas": ["administration-numerique", "rh-management"],
    "territory_types": ["metropolitain"],
    "instruments": ["laboratoire-interne", "experimentation"],
    "methods": TRANSFO_METHODS,
    "labs": ["lille"],
    "programme": "la-transfo",
    "partners": [LA_27E_COACHING, BLOOMBERG],
    "legal_competence": "intercommunality",
    "prerequisites": lines(
        T("Un projet qui concerne plusieurs directions", "A project that involves several directorates"),
        T("Des volontaires et leur temps libéré", "Volunteers and protected time"),
    ),
    "core_elements": lines(
        T("Des volontaires de toutes catégories", "Volunteers from every grade"),
        T("Un accompagnement extérieur", "Outside coaching"),
    ),
    "adaptable_elements": lines(
        T("Le sujet et l'échelle métropolitaine", "The subject and the metropolitan scale"),
    ),
    "sources": [AEF_TRANSFO],
    "transposed_from": [
        {
            "source": "mulhouse-laboratoire",
            "what_changed": T(
                "Le format conçu pour une ville passe à l'échelle d'une métropole, dans le contexte de sa "
                "désignation comme capitale mondiale du design 2020.",
                "A format designed for a city moves up to the scale of a metropolis, in the context of its "
                "designation as World Design Capital 2020.",
            ),
            "outcome": "ongoing",
            "result": T(
                "En 2018, l'équipe démarrait ; les sources ne disent pas encore ce qu'elle a produit.",
                "In 2018 the team was just starting; the sources do not yet say what it produced.",
            ),
        }
    ],
    **TRANSFO_SHEET,
}
