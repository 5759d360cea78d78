"""Practices from La 27e Région's own programmes: Lezoux's media library, community wealth
building and Rebonds (source: the 15marches interview, 2024)."""

from practices.demo.practice_parts import VERIFIED, figure, partner, same
from practices.demo.sources import (
    LEZOUX_DELIVERABLE,
    QUINZE_MARCHES_27E,
    SITE_27E,
    VULBEAU_MAITRISE_USAGE,
)
from practices.demo.text import T, lines, rich

LEZOUX_LIBRARY = {
    "key": "lezoux-mediatheque",
    "slug": T("lezoux-mediatheque-maitrise-usage", "lezoux-media-library-user-led-design"),
    "title": T(
        "Lezoux : une médiathèque programmée à partir des usages et gouvernée avec les habitants",
        "Lezoux: a media library planned from people's uses and run with its residents",
    ),
    "summary": T(
        "En 2012, La 27e Région s'installe plusieurs semaines autour de Lezoux, où les élus viennent de voter "
        "6 millions d'euros pour une médiathèque sans plus s'accorder sur son contenu. Ouverte en 2017, elle "
        "compte 8 000 abonnés pour 20 000 habitants et partage sa gouvernance avec eux.",
        "In 2012 La 27e Région spent several weeks around Lezoux, where councillors had just voted €6 million "
        "for a media library but no longer agreed on what it should be. Opened in 2017, it has 8,000 card "
        "holders for 20,000 inhabitants and shares its governance with them.",
    ),
    "problem": rich(
        T(
            "La communauté de communes venait d'engager 6 millions d'euros pour une nouvelle médiathèque. Sitôt "
            "le budget voté, les élus se sont divisés sur ce que devait être l'équipement ; certains n'en "
            "voulaient même plus.",
            "The community of communes had just committed €6 million to a new media library. As soon as the "
            "budget was voted, councillors split over what the building should be; some no longer wanted it at "
            "all.",
        ),
    ),
    "actions": rich(
        T(
            "Dans le cadre de Territoires en résidence, une équipe de jeunes designers est restée sur place "
            "plusieurs semaines, logée chez l'habitant, pour une assistance à maîtrise d'usage menée avant le "
            "projet architectural.",
            "As part of Territoires en résidence, a team of young designers stayed on site for several weeks, "
            "lodging with residents, to provide user-side project support ahead of the architectural design.",
        ),
        [
            T(
                "Enquêter sur ce que lisent les habitants, sur les raisons pour lesquelles ils ne lisent pas, et "
                "sur ce qu'ils font ou ne font pas dans les médiathèques existantes.",
                "Inquire into what residents read, why they do not read, and what they do or do not do in the "
                "existing libraries.",
            ),
            T(
                "Étudier les usages extrêmes, comme ces lecteurs qui connaissaient les médiathèques du territoire "
                "mieux que les bibliothécaires.",
                "Study extreme users, such as the readers who knew the area's libraries better than the "
                "librarians did.",
            ),
            T(
                "Bâtir le projet sur les besoins réels du territoire, y compris l'emploi, plutôt que sur un "
                "programme d'équipement culturel classique.",
                "Base the project on the area's real needs, employment included, rather than on a standard "
                "cultural-facility brief.",
            ),
        ],
    ),
    "results": rich(
        T(
            "Près de dix ans plus tard, 8 000 cartes d'abonnement ont été délivrées pour 20 000 habitants. La "
            "médiathèque est devenue un tiers-lieu : les habitants assurent la moitié de sa gouvernance, "
            "apportent la moitié des activités et disposent des clés d'une partie du bâtiment.",
            "Nearly ten years later, 8,000 library cards had been issued for 20,000 inhabitants. The media "
            "library has become a third place: residents provide half of its governance and half of its "
            "activities, and hold the keys to part of the building.",
        ),
        T(
            "La Mission locale y tient une permanence et un médecin y consulte chaque semaine. Des jeunes d'un "
            "quartier voisin difficile sont venus demander ce qu'ils pouvaient y faire. Les directeurs de "
            "médiathèque la visitent comme un lieu pionnier, et sa démarche est enseignée aux futurs "
            "bibliothécaires.",
            "The local youth employment service holds office hours there and a doctor sees patients every week. "
            "Young people from a troubled nearby estate came in to ask what they could do there. Library "
            "directors visit it as a pioneering place, and its approach is taught to future librarians.",
        ),
    ),
    "key_figures": [
        figure(T("6 M€", "€6m"), T("votés pour la nouvelle médiathèque", "voted for the new media library")),
        figure(
            T("8 000", "8,000"), T("cartes d'abonnement pour 20 000 habitants", "library cards for 20,000 inhabitants")
        ),
        figure(
            same("50 %"), T("de la gouvernance assurée par les habitants", "of the governance provided by residents")
        ),
        figure(
            T("2012 → 2017", "2012 → 2017"), T("de la résidence à l'ouverture", "from the residency to the opening")
        ),
    ],
    "challenges": rich(
        T(
            "Le projet est parti d'un désaccord politique profond. Cinq ans ont séparé la résidence de "
            "l'ouverture, et la méthode reposait sur une équipe prête à vivre sur place, ce que La 27e Région "
            "pratique moins aujourd'hui.",
            "The project started from deep political disagreement. Five years passed between the residency and "
            "the opening, and the method relied on a team willing to live on site, which La 27e Région does "
            "less often today.",
        ),
    ),
    "success_conditions": rich(
        T(
            "Des élus qui acceptent de reformuler la commande, du temps passé sur le terrain et un programme "
            "architectural assez souple pour accueillir les usages découverts.",
            "Councillors willing to reframe their request, time spent in the field and a building brief "
            "flexible enough to take in the uses discovered.",
        ),
    ),
    "lessons": rich(
        T(
            "Une situation d'incertitude est une chance : elle ouvre la porte à l'enquête. La résidence a joué "
            "le rôle d'étincelle ; ce sont ensuite les habitants qui ont fait vivre le lieu. La maîtrise d'usage "
            "est depuis devenue courante dans les projets de médiathèque.",
            "Uncertainty is an opportunity: it opens the door to inquiry. The residency was the spark; residents "
            "then brought the place to life. User-led design has since become common in media library projects.",
        ),
    ),
    "lifecycle_stage": "institutionalised",
    "start_year": 2012,
    "evidence_level": "self_declared",
    "territory_name": "Lezoux et sa communauté de communes (Puy-de-Dôme)",
    "country": "FR",
    "population": 20000,
    "latitude": "45.826700",
    "longitude": "3.379400",
    "policy_areas": ["culture-bibliotheques", "democratie-participation"],
    "territory_types": ["rural"],
    "instruments": ["residence", "enquete-participative"],
    "methods": ["immersion", "ethnographie", "enquete-participative", "co-construction", "design-de-services"],
    "labs": ["la-27e-region"],
    "programme": "territoires-en-residence",
    "partners": [
        partner(
            "La 27e Région", T("Résidence et assistance à maîtrise d'usage", "Residency and user-side project support")
        ),
        partner("Mission locale", T("Permanence dans la médiathèque", "Office hours in the media library")),
    ],
    "legal_competence": "intercommunality",
    "budget_range": "gt1m",
    "staff_time": "0.5-1",
    "duration": "gt2y",
    "prerequisites": lines(
        T("Un projet d'équipement dont le contenu reste ouvert", "A facility project whose content is still open"),
        T("Une équipe prête à enquêter plusieurs semaines sur place", "A team ready to spend several weeks on site"),
    ),
    "core_elements": lines(
        T(
            "L'enquête sur les usages avant le programme architectural",
            "Inquiry into uses before the architectural brief",
        ),
        T("L'attention aux usages extrêmes", "Attention to extreme users"),
        T("Une gouvernance partagée avec les habitants", "Governance shared with residents"),
    ),
    "adaptable_elements": lines(
        T("Les services associés (emploi, santé)", "The services hosted (employment, health)"),
        T("La part de gouvernance confiée aux habitants", "The share of governance given to residents"),
    ),
    "sources": [QUINZE_MARCHES_27E, LEZOUX_DELIVERABLE, VULBEAU_MAITRISE_USAGE, SITE_27E],
    "licence": "CC-BY-4.0",
    "last_verified": VERIFIED,
}

MANCHESTER_WEALTH = {
    "key": "manchester-community-wealth",
    "slug": T("manchester-community-wealth-building", "manchester-community-wealth-building"),
    "title": T(
        "Autour de Manchester : un développement économique centré sur la richesse locale",
        "Around Manchester: economic development built on local wealth",
    ),
    "summary": T(
        "Dans des territoires sinistrés autour de Manchester, des collectivités anglaises ont adopté un autre "
        "modèle de développement économique, le « community wealth building », fondé sur de nouveaux contrats "
        "sociaux. La 27e Région y a vu la preuve que d'autres politiques économiques sont possibles.",
        "In hard-hit areas around Manchester, English local governments adopted another model of economic "
        "development, community wealth building, based on new social contracts. La 27e Région saw it as proof "
        "that other economic policies are possible.",
    ),
    "problem": rich(
        T(
            "Ces territoires frappés par la désindustrialisation ne pouvaient plus compter sur les recettes "
            "classiques de l'attractivité pour créer de la richesse locale.",
            "These areas, hit by deindustrialisation, could no longer rely on the usual recipes for "
            "attractiveness to create local wealth.",
        ),
    ),
    "actions": rich(
        T(
            "Les collectivités ont conclu de nouveaux contrats sociaux avec les acteurs du territoire pour que la "
            "richesse produite localement y reste et y circule.",
            "The local governments struck new social contracts with local players so that wealth produced in the "
            "area stays and circulates there.",
        ),
    ),
    "results": rich(
        T(
            "Pour La 27e Région, qui s'y intéressait depuis trois ou quatre ans, l'expérience a montré que de "
            "nouveaux imaginaires étaient possibles pour les politiques économiques. Elle a inspiré le "
            "programme Rebonds en France.",
            "For La 27e Région, which had been following it for three or four years, the experience showed that "
            "economic policy could be imagined differently. It inspired the Rebonds programme in France.",
        ),
    ),
    "key_figures": [
        figure(
            T("3 à 4 ans", "3 to 4 years"),
            T("d'intérêt de La 27e Région avant Rebonds", "of interest from La 27e Région before Rebonds"),
        ),
        figure(
            same("11"),
            T(
                "collectivités françaises engagées ensuite dans Rebonds",
                "French local governments later involved in Rebonds",
            ),
        ),
    ],
    "challenges": rich(
        T(
            "Les sources décrivent le modèle à grands traits ; son évaluation détaillée reste à documenter en "
            "français.",
            "The sources describe the model in broad strokes; a detailed evaluation has yet to be documented in "
            "French.",
        ),
    ),
    "success_conditions": rich(
        T(
            "Une volonté politique de réorienter les outils économiques locaux, commande publique comprise.",
            "Political will to redirect local economic tools, public procurement included.",
        ),
    ),
    "lessons": rich(
        T(
            "Regarder hors de ses frontières aide à voir que les politiques économiques locales reposent sur des "
            "choix, et non sur des évidences.",
            "Looking abroad helps show that local economic policies rest on choices, not on self-evident truths.",
        ),
    ),
    "lifecycle_stage": "institutionalised",
    "evidence_level": "self_declared",
    "territory_name": "Agglomération de Manchester (Angleterre)",
    "country": "GB",
    "population": 2800000,
    "latitude": "53.480800",
    "longitude": "-2.242600",
    "policy_areas": ["developpement-economique", "action-sociale"],
    "territory_types": ["metropolitain"],
    "instruments": ["commande-publique", "convention"],
    "methods": ["co-construction"],
    "labs": ["la-27e-region"],
    "partners": [
        partner(
            "La 27e Région", T("Étude du modèle pour le contexte français", "Study of the model for the French context")
        ),
    ],
    "legal_competence": "intercommunality",
    "budget_range": "gt1m",
    "staff_time": "1-3",
    "duration": "gt2y",
    "prerequisites": lines(
        T(
            "Un diagnostic de ce que le territoire achète et produit",
            "An assessment of what the area buys and produces",
        ),
    ),
    "core_elements": lines(
        T("Garder la richesse produite sur le territoire", "Keep locally produced wealth in the area"),
        T("Des contrats sociaux avec les acteurs locaux", "Social contracts with local players"),
    ),
    "adaptable_elements": lines(
        T("Les leviers utilisés selon le droit national", "The levers used, depending on national law"),
    ),
    "sources": [QUINZE_MARCHES_27E],
    "licence": "CC-BY-4.0",
    "last_verified": VERIFIED,
}
