"""Social-action practices: trust-based social aid in départements, collaborative CCAS."""

from practices.demo.practice_parts import VERIFIED, figure, partner, same
from practices.demo.sources import CCAS_BLOG, PLEIN_SENS_DEPARTEMENTS
from practices.demo.text import T, lines, rich

DEPARTEMENTS_CONTROL = {
    "key": "departements-controle-a-posteriori",
    "slug": T("departements-aides-sociales-controle-a-posteriori", "departements-social-aid-checks-afterwards"),
    "title": T(
        "Départements : accorder les aides sociales sur la confiance et contrôler ensuite",
        "Départements: granting social aid on trust and checking afterwards",
    ),
    "summary": T(
        "Un rapport présenté en juin 2014 à l'Assemblée des départements de France propose d'assouplir "
        "l'attribution des aides : plutôt que d'exiger des dossiers lourds, coûteux à instruire, confier aux "
        "travailleurs sociaux un contrôle a posteriori.",
        "A report presented in June 2014 to the Assembly of French Départements proposes a more flexible way of "
        "granting aid: instead of demanding heavy files that are costly to process, entrust social workers with "
        "checks after the fact.",
    ),
    "problem": rich(
        T(
            "Les départements portent l'essentiel des politiques sociales et doivent en faire davantage à budget "
            "constant. Les usagers doivent constituer des dossiers complexes, dont le traitement coûte cher à "
            "l'administration.",
            "Départements carry most of social policy and must do more on flat budgets. Users have to put "
            "together complex files, which are expensive for the administration to process.",
        ),
    ),
    "actions": rich(
        T(
            "La mission conduite par Rémi Chaintron esquisse une autre conduite du service public :",
            "The mission led by Rémi Chaintron sketches another way of running the public service:",
        ),
        [
            T(
                "Assouplir les modes d'attribution des aides et alléger les pièces demandées.",
                "Make the ways aid is granted more flexible and ask for fewer documents.",
            ),
            T(
                "Ajouter aux missions d'accompagnement des assistants sociaux une compétence de contrôle après coup.",
                "Add checking after the fact to social workers' support duties.",
            ),
            T(
                "Associer les agents à la définition de leurs missions, avec des approches plus déléguées et "
                "moins normées.",
                "Involve staff in defining their own duties, with more delegated and less standardised approaches.",
            ),
        ],
    ),
    "results": rich(
        T(
            "Il s'agit d'une proposition : le rapport ne présente ni évaluation ni méthode de conduite pour les "
            "exemples qu'il cite. Il suggère de créer un laboratoire partagé entre départements pour capitaliser, "
            "transposer et généraliser les pratiques les plus pertinentes.",
            "This is a proposal: the report gives neither an evaluation nor a method for the examples it cites. It "
            "suggests a lab shared between départements to pool, transpose and scale up the most relevant "
            "practices.",
        ),
    ),
    "key_figures": [
        figure(
            T("Juin 2014", "June 2014"),
            T("présentation du rapport aux départements", "report presented to the départements"),
        ),
        figure(
            same("12 %"),
            T(
                "de femmes parmi les conseillers départementaux en 2011",
                "of departmental councillors were women in 2011",
            ),
        ),
        figure(
            same("55 %"), T("des conseillers avaient plus de 60 ans en 2011", "of councillors were over 60 in 2011")
        ),
    ],
    "challenges": rich(
        T(
            "Un commentateur relève que la faible représentativité des élus départementaux et l'inertie des "
            "institutions freinent ce type d'innovation, que le rapport qualifie lui-même de transgressive.",
            "One commentator notes that the low representativeness of departmental councillors and institutional "
            "inertia hold back this kind of innovation, which the report itself calls transgressive.",
        ),
    ),
    "success_conditions": rich(
        T(
            "Faire confiance aux agents comme aux usagers, et accepter l'échec : vouloir tout contrôler d'avance "
            "se révèle contre-productif.",
            "Trust staff and users alike, and accept failure: trying to control everything in advance backfires.",
        ),
    ),
    "lessons": rich(
        T(
            "Le manque de moyens peut devenir l'occasion de réinventer un service public plus souple, à condition "
            "de ne pas réduire l'innovation à une économie de coûts.",
            "A lack of resources can become a chance to reinvent a more flexible public service, provided "
            "innovation is not reduced to cost-cutting.",
        ),
    ),
    "lifecycle_stage": "idea",
    "start_year": 2014,
    "evidence_level": "self_declared",
    "territory_name": "Départements français",
    "country": "FR",
    "policy_areas": ["action-sociale", "administration-numerique"],
    "territory_types": ["departemental"],
    "instruments": ["reglementation", "experimentation"],
    "methods": ["co-construction", "evaluation"],
    "labs": [],
    "partners": [
        partner("Assemblée des départements de France", T("Destinataire du rapport", "Recipient of the report")),
        partner("Rémi Chaintron", T("Auteur de la mission", "Author of the mission")),
    ],
    "legal_competence": "departement",
    "budget_range": "lt10k",
    "staff_time": "0.5-1",
    "duration": "6-12m",
    "prerequisites": lines(
        T(
            "Un cadre de contrôle après coup défini avec les travailleurs sociaux",
            "A checking framework agreed with social workers",
        ),
        T("Un accord politique sur le principe de confiance", "Political agreement on the principle of trust"),
    ),
    "core_elements": lines(
        T("Des dossiers allégés à l'entrée", "Lighter files at the start"),
        T("Un contrôle a posteriori confié aux travailleurs sociaux", "Checks afterwards by social workers"),
    ),
    "adaptable_elements": lines(
        T("Les aides concernées", "The kinds of aid concerned"),
        T("La proportion de dossiers contrôlés", "The share of files checked"),
    ),
    "sources": [PLEIN_SENS_DEPARTEMENTS],
    "licence": "CC-BY-4.0",
    "last_verified": VERIFIED,
}

CCAS_COLLABORATIVE = {
    "key": "ccas-demarches-collaboratives",
    "slug": T("ccas-demarches-collaboratives-habitants", "ccas-collaborative-work-with-residents"),
    "title": T(
        "CCAS : construire l'action sociale avec les habitants plutôt qu'au guichet",
        "Social action centres: building social action with residents rather than at the counter",
    ),
    "summary": T(
        "Lors d'une journée de l'Union nationale des CCAS consacrée à l'innovation sociale, des centres "
        "communaux et intercommunaux d'action sociale ont montré comment, en pleine crise, ils se tournent vers "
        "des démarches collaboratives avec les habitants pour sortir de la logique de guichet.",
        "At a day on social innovation held by the national union of social action centres (UNCCAS), municipal "
        "and intermunicipal centres showed how, in the middle of a crisis, they turn to collaborative work with "
        "residents to move beyond counter-based service.",
    ),
    "problem": rich(
        T(
            "Crise financière et crise sociale pèsent sur les politiques sociales locales. L'innovation évoque "
            "plus volontiers les entreprises du numérique qu'un établissement public comme un CCAS.",
            "Financial and social crises weigh on local social policy. Innovation brings tech companies to mind "
            "far more readily than a public body such as a social action centre.",
        ),
    ),
    "actions": rich(
        T(
            "Les CCAS engagent les habitants eux-mêmes dans la conception de leurs actions. L'innovation sociale "
            "y est vue comme une rupture avec les pratiques précédentes, qui part du terrain et se construit "
            "collectivement ; elle peut commencer par une phase de test.",
            "Social action centres involve residents themselves in designing what they do. Social innovation is "
            "seen there as a break with past practice that starts from the ground up and is built collectively; "
            "it can begin with a test phase.",
        ),
        T(
            "Les équipes peuvent s'appuyer sur les marqueurs proposés par Sylvain Celle, de l'Institut Godin :",
            "Teams can use the markers put forward by Sylvain Celle of the Institut Godin:",
        ),
        [
            T("la place des bénéficiaires ;", "the role of beneficiaries;"),
            T("l'ancrage territorial et la gouvernance ;", "local roots and governance;"),
            T("l'accessibilité et la logique de service ;", "accessibility and service logic;"),
            T(
                "la rupture avec l'existant et la capacité de changement social.",
                "the break with existing practice and the capacity for social change.",
            ),
        ],
    ),
    "results": rich(
        T(
            "Les sources ne chiffrent pas les effets. La présidente de l'UNCCAS, Joëlle Martinaux, adjointe au "
            "maire de Nice, appelle les élus à faire de l'innovation une obligation : réussir avec moins de "
            "moyens et travailler en réseau suppose de changer d'état d'esprit.",
            "The sources do not measure the effects. The president of UNCCAS, Joëlle Martinaux, deputy mayor of "
            "Nice, calls on elected officials to treat innovation as a duty: succeeding with fewer resources and "
            "working in networks requires a change of mindset.",
        ),
    ),
    "key_figures": [
        figure(
            same("6"),
            T(
                "marqueurs d'innovation sociale proposés par l'Institut Godin",
                "markers of social innovation from the Institut Godin",
            ),
        ),
    ],
    "challenges": rich(
        T(
            "Une innovation sociale ne réussit que si elle se diffuse et essaime, jusqu'à être reprise par les "
            "pouvoirs publics : beaucoup d'expériences s'arrêtent avant.",
            "Social innovation only succeeds if it spreads, to the point where public authorities take it up: "
            "many experiments stop short of that.",
        ),
    ),
    "success_conditions": rich(
        T(
            "Une finalité sociale claire, un projet collectif et une pluralité d'acteurs autour de la table.",
            "A clear social purpose, a shared project and a range of players around the table.",
        ),
    ),
    "lessons": rich(
        T(
            "On ne transforme pas la société par décret, mais on peut la faire évoluer à partir des pratiques "
            "locales : c'est l'échelle du CCAS.",
            "Society is not changed by decree, but it can be shifted through local practice: that is the scale "
            "of a social action centre.",
        ),
    ),
    "lifecycle_stage": "experimentation",
    "evidence_level": "self_declared",
    "territory_name": "Communes et intercommunalités du réseau de l'UNCCAS",
    "country": "FR",
    "policy_areas": ["action-sociale", "democratie-participation"],
    "territory_types": ["urbain", "rural"],
    "instruments": ["experimentation", "convention"],
    "methods": ["co-construction", "enquete-participative", "evaluation"],
    "labs": [],
    "partners": [
        partner("Union nationale des CCAS (UNCCAS)", T("Organisatrice de la journée", "Organiser of the day")),
        partner("Institut Godin", T("Grille de marqueurs d'innovation sociale", "Grid of social innovation markers")),
    ],
    "legal_competence": "commune",
    "budget_range": "lt10k",
    "staff_time": "0.5-1",
    "duration": "6-12m",
    "prerequisites": lines(
        T("Des habitants prêts à s'engager avec le CCAS", "Residents willing to work with the centre"),
    ),
    "core_elements": lines(
        T("Des habitants associés à la conception", "Residents involved in the design"),
        T("Une phase de test avant la généralisation", "A test phase before rolling out"),
    ),
    "adaptable_elements": lines(
        T("Les publics et les actions visés", "The groups and actions targeted"),
    ),
    "sources": [CCAS_BLOG],
    "licence": "CC-BY-4.0",
    "last_verified": VERIFIED,
}
