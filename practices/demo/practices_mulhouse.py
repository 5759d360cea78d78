"""La Transfo in Mulhouse: the first in-house lab and its library project (source: AEF info, 2018)."""

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
from practices.demo.sources import AEF_TRANSFO, ESS_INTERVIEW
from practices.demo.text import T, lines, rich

MULHOUSE_LAB = {
    "key": "mulhouse-laboratoire",
    "slug": T("mulhouse-laboratoire-agents-volontaires", "mulhouse-volunteer-staff-lab"),
    "title": T(
        "Mulhouse : vingt agents volontaires ouvrent le premier laboratoire de La Transfo",
        "Mulhouse: twenty volunteer staff open La Transfo's first lab",
    ),
    "summary": T(
        "En juin 2016, Mulhouse est la première ville française à rejoindre La Transfo. Une vingtaine d'agents "
        "volontaires de toutes catégories consacrent une partie de leur temps, pendant plus d'un an, à un "
        "projet transversal, accompagnés par La 27e Région.",
        "In June 2016 Mulhouse became the first French city to join La Transfo. About twenty volunteer staff "
        "from every grade spent part of their time for more than a year on a cross-departmental project, "
        "coached by La 27e Région.",
    ),
    "problem": rich(
        T(
            "Comme beaucoup d'administrations, la Ville élaborait ses politiques selon un cycle planifié : on "
            "étudie, on décide, on déploie, puis on évalue. L'expertise de terrain des agents pesait peu dans "
            "la conception des services.",
            "Like many administrations, the city designed its policies along a planned cycle: study, decide, "
            "roll out, then evaluate. Front-line staff's expertise carried little weight in how services were "
            "designed.",
        ),
        T(
            "La Ville voulait se doter d'une capacité d'innovation interne plutôt que de confier ce travail à "
            "des consultants.",
            "The city wanted to build its own capacity to innovate instead of handing that work to consultants.",
        ),
    ),
    "actions": rich(
        T(
            "Les étapes ont été les suivantes :",
            "The steps were as follows:",
        ),
        [
            T(
                "Constituer une équipe d'une vingtaine de volontaires issus des catégories A, B et C.",
                "Form a team of about twenty volunteers from grades A, B and C.",
            ),
            T(
                "Libérer chacun 35 à 40 jours sur 14 à 18 mois, avec l'accord de sa hiérarchie.",
                "Free each of them for 35 to 40 days over 14 to 18 months, with their managers' agreement.",
            ),
            T(
                "Choisir un sujet concret et transversal : la fréquentation de la médiathèque et une carte de "
                "réduction culturelle pour les jeunes.",
                "Pick a concrete, cross-departmental subject: library attendance and a cultural discount card "
                "for young people.",
            ),
            T(
                "Enquêter sur le terrain puis tester des prototypes en cycles très courts, d'une semaine environ.",
                "Carry out field inquiries, then test prototypes in very short cycles of about a week.",
            ),
        ],
    ),
    "results": rich(
        T(
            "Interrogés par La 27e Région, les agents citent d'abord leur capacité d'agir : travailler entre "
            "services et voir leur expertise reconnue. Ils apprécient aussi le droit de prendre des risques sur "
            "des prototypes.",
            "When La 27e Région asked them, staff first mentioned their new ability to act: working across "
            "departments and having their expertise recognised. They also valued being allowed to take risks "
            "with prototypes.",
        ),
        T(
            "Le rythme de production s'est accéléré et la fréquentation de la médiathèque a progressé. "
            "L'expérience de Mulhouse a servi de modèle aux collectivités suivantes.",
            "Work moved faster and library attendance went up. Mulhouse's experience served as the model for "
            "the local governments that followed.",
        ),
    ),
    "key_figures": [*TRANSFO_TEAM_FIGURES, BLOOMBERG_FIGURE],
    "challenges": TRANSFO_CHALLENGES,
    "success_conditions": rich(
        T(
            "Des élus et des encadrants qui soutiennent les agents, avant, pendant et après le projet.",
            "Elected officials and managers who back the staff before, during and after the project.",
        ),
        T(
            "Du temps réellement libéré, un accompagnement extérieur et un sujet qui traverse plusieurs services.",
            "Time genuinely set aside, outside coaching and a subject that cuts across several departments.",
        ),
    ),
    "lessons": rich(
        T(
            "Les agents sont mieux placés qu'un cabinet ou qu'un dirigeant pour ouvrir un espace critique au "
            "sein de l'institution. Il faut toutefois préparer leur retour dans les services dès le départ.",
            "Staff are better placed than consultants or executives to open a space for critical thinking "
            "inside the institution. Their return to their departments must be prepared from the outset.",
        ),
    ),
    "lifecycle_stage": "evaluated",
    "start_year": 2016,
    "end_year": 2017,
    "territory_name": "Mulhouse",
    "country": "FR",
    "population": 108000,
    "latitude": "47.750800",
    "longitude": "7.335900",
    "policy_areas": ["rh-management", "administration-numerique"],
    "territory_types": ["urbain"],
    "instruments": ["laboratoire-interne", "formation", "experimentation"],
    "methods": TRANSFO_METHODS,
    "labs": ["mulhouse", "la-27e-region"],
    "programme": "la-transfo",
    "partners": [LA_27E_COACHING, BLOOMBERG],
    "legal_competence": "commune",
    "prerequisites": lines(
        T(
            "Un portage politique et un accord de la direction générale",
            "Political backing and the chief executive's agreement",
        ),
        T(
            "Une vingtaine d'agents volontaires et leur temps libéré",
            "About twenty volunteers and protected time for them",
        ),
        T("Un cofinancement et un partenaire d'accompagnement", "Co-funding and a coaching partner"),
    ),
    "core_elements": lines(
        T("Des volontaires de toutes catégories", "Volunteers from every grade"),
        T("Un accompagnement par des sciences humaines et du design", "Coaching from the social sciences and design"),
        T("L'enquête de terrain avant les solutions", "Field inquiry before solutions"),
        T("Des tests courts sur prototypes", "Short tests on prototypes"),
    ),
    "adaptable_elements": lines(
        T("Le sujet traité", "The subject tackled"),
        T("La taille de l'équipe et la durée", "Team size and duration"),
        T("Le partenaire qui accompagne", "The coaching partner"),
    ),
    "sources": [AEF_TRANSFO, ESS_INTERVIEW],
    **TRANSFO_SHEET,
    "evidence_level": "internal",
}

MULHOUSE_LIBRARY = {
    "key": "mulhouse-mediatheque",
    "slug": T("mulhouse-mediatheque-carte-culture-jeunes", "mulhouse-library-youth-culture-card"),
    "title": T(
        "Mulhouse : plus de lecteurs à la médiathèque et une carte culture pour les jeunes",
        "Mulhouse: more library visitors and a culture card for young people",
    ),
    "summary": T(
        "Le laboratoire de Mulhouse a pris pour premier sujet la fréquentation de la bibliothèque et l'accès "
        "des jeunes à la culture, avec la création d'une carte de réduction culturelle. La fréquentation de la "
        "médiathèque a augmenté.",
        "Mulhouse's lab chose library attendance and young people's access to culture as its first subject, "
        "and designed a cultural discount card. Attendance at the media library went up.",
    ),
    "problem": rich(
        T(
            "La Ville souhaitait attirer davantage de public à la bibliothèque et rapprocher les jeunes de son "
            "offre culturelle.",
            "The city wanted to draw more people to its library and bring young people closer to its cultural offer.",
        ),
    ),
    "actions": rich(
        T(
            "L'équipe de volontaires a traité les deux questions ensemble : comprendre ce qui freine la venue à "
            "la bibliothèque, puis concevoir une carte de réduction culturelle réservée aux jeunes.",
            "The volunteer team handled both questions together: understanding what keeps people away from the "
            "library, then designing a cultural discount card for young people.",
        ),
        T(
            "Les pistes ont été éprouvées par des tests rapides avant d'être retenues.",
            "Ideas were tried out through quick tests before being adopted.",
        ),
    ),
    "results": rich(
        T(
            "En 2018, La 27e Région citait la hausse de fréquentation de la médiathèque de Mulhouse comme "
            "exemple d'un service public rendu plus efficace par l'expérimentation. Les sources ne chiffrent "
            "pas cette hausse.",
            "In 2018 La 27e Région cited the rise in attendance at Mulhouse's media library as an example of a "
            "public service made more effective through experimentation. The sources do not quantify the rise.",
        ),
    ),
    "key_figures": [
        figure(
            T("Juin 2016", "June 2016"),
            T("lancement, première ville française de La Transfo", "start, first French city in La Transfo"),
        ),
        figure(
            same("2"), T("sujets liés : fréquentation et carte jeunes", "linked subjects: attendance and a youth card")
        ),
        TRANSFO_TEAM_FIGURES[0],
    ],
    "challenges": rich(
        T(
            "Sans chiffres publiés, il est difficile de mesurer l'effet propre de la carte sur la fréquentation.",
            "With no published figures, it is hard to tell how much of the rise is due to the card.",
        ),
    ),
    "success_conditions": rich(
        T(
            "Associer les équipes de la médiathèque au laboratoire et compter la fréquentation avant et après.",
            "Involve the library staff in the lab and count visits before and after.",
        ),
    ),
    "lessons": rich(
        T(
            "Un premier sujet concret et visible aide un laboratoire naissant à gagner sa légitimité.",
            "A first subject that is concrete and visible helps a young lab earn legitimacy.",
        ),
    ),
    "lifecycle_stage": "experimentation",
    "start_year": 2016,
    "end_year": 2017,
    "territory_name": "Mulhouse",
    "country": "FR",
    "population": 108000,
    "latitude": "47.749000",
    "longitude": "7.339000",
    "policy_areas": ["culture-bibliotheques", "education-jeunesse"],
    "territory_types": ["urbain"],
    "instruments": ["laboratoire-interne", "experimentation"],
    "methods": ["design-de-services", "prototypage", "immersion"],
    "labs": ["mulhouse"],
    "programme": "la-transfo",
    "partners": [LA_27E_COACHING, BLOOMBERG],
    "legal_competence": "commune",
    "prerequisites": lines(
        T("Une médiathèque prête à tester des changements", "A library ready to test changes"),
        T("Des partenaires culturels pour la carte", "Cultural partners for the card"),
    ),
    "core_elements": lines(
        T("Partir des pratiques des publics", "Start from how people actually use the service"),
        T("Tester avant de généraliser", "Test before rolling out"),
    ),
    "adaptable_elements": lines(
        T("Les avantages de la carte et l'âge visé", "The card's benefits and target age"),
        T("Les lieux culturels associés", "The cultural venues involved"),
    ),
    "sources": [AEF_TRANSFO],
    **TRANSFO_SHEET,
}
