"""Network-wide practices: Rebonds, Les Éclaireurs and MindLab's upstream user involvement."""

from practices.demo.practice_parts import VERIFIED, figure, partner, same
from practices.demo.sources import AEF_TRANSFO, ESS_INTERVIEW, QUINZE_MARCHES_27E, SITE_27E
from practices.demo.text import T, lines, rich

REBONDS_REDIRECTION = {
    "key": "rebonds-redirection",
    "slug": T("rebonds-redirection-developpement-economique", "rebonds-redirecting-economic-development"),
    "title": T(
        "Rebonds : réorienter le développement économique local vers la transition",
        "Rebonds: redirecting local economic development towards the transition",
    ),
    "summary": T(
        "Avec l'ADEME, France Urbaine, Intercommunalités de France, la Fondation de France et onze collectivités, "
        "La 27e Région fait enquêter des agents sur de nouveaux modèles économiques, puis expérimente pour "
        "remettre le développement économique au service des besoins de transition des territoires.",
        "With ADEME, France Urbaine, Intercommunalités de France, the Fondation de France and eleven local "
        "governments, La 27e Région has staff investigate new economic models, then runs experiments to put "
        "economic development back at the service of territories' transition needs.",
    ),
    "problem": rich(
        T(
            "Les politiques de développement économique montrent leurs limites face à la transition écologique "
            "et sociale. Leurs instruments, des marchés publics au foncier contraint par l'objectif de zéro "
            "artificialisation nette, restent pensés pour un autre modèle.",
            "Economic development policies are reaching their limits in the face of the ecological and social "
            "transition. Their tools, from public procurement to land use constrained by the net-zero land "
            "take target, are still designed for another model.",
        ),
    ),
    "actions": rich(
        T("Le programme se déroule en trois temps :", "The programme runs in three stages:"),
        [
            T(
                "Six mois d'enquête : les agents jouent les journalistes, avec conférences de rédaction et "
                "formation à l'entretien, sur des modèles observés chez eux, en France ou à l'étranger.",
                "Six months of inquiry: staff act as reporters, with editorial meetings and interview training, "
                "on models found at home, elsewhere in France or abroad.",
            ),
            T(
                "Un cahier des charges de douze à quinze expérimentations, menées sur un an et demi ; chacune "
                "dure quatre à cinq mois, par exemple de nouveaux marchés publics ou des postes de développeur "
                "économique repensés.",
                "Specifications for twelve to fifteen experiments, run over eighteen months; each lasts four to "
                "five months, for instance new kinds of public contracts or redesigned economic developer posts.",
            ),
            T(
                "Un guide de passage à l'échelle, avec des critères de réussite pour les expériences suivantes.",
                "A guide to scaling up, with success criteria for the experiments that follow.",
            ),
        ],
        T(
            "Tout est documenté au fur et à mesure sur un blog public, et les territoires s'inspirent les uns des "
            "autres : Rennes apprend par exemple de la Métropole de Montpellier.",
            "Everything is documented as it goes on a public blog, and the territories learn from each other: "
            "Rennes, for example, learns from the Montpellier metropolitan area.",
        ),
    ),
    "results": rich(
        T(
            "En quelques jours, les participants ont rédigé « 9 changements de paradigme du développement "
            "économique », publiés sur le blog du programme. Les expérimentations devaient suivre la remise du "
            "cahier des charges.",
            "Within a few days participants wrote “9 paradigm shifts in economic development”, published on the "
            "programme's blog. The experiments were to follow the delivery of the specifications.",
        ),
    ),
    "key_figures": [
        figure(same("11"), T("collectivités engagées", "local governments involved")),
        figure(T("6 mois", "6 months"), T("d'enquête", "of inquiry")),
        figure(T("12 à 15", "12 to 15"), T("expérimentations prévues", "experiments planned")),
        figure(same("9"), T("changements de paradigme formulés", "paradigm shifts written up")),
    ],
    "challenges": rich(
        T(
            "Les participants doivent accepter de ne pas savoir exactement où l'enquête les mènera, ce qui "
            "bouscule des administrations habituées à planifier.",
            "Participants must accept not knowing exactly where the inquiry will lead, which unsettles "
            "administrations used to planning.",
        ),
    ),
    "success_conditions": rich(
        T(
            "Un réseau de plusieurs territoires, qui apporte une légitimité extérieure, et des chercheurs "
            "d'horizons variés : économistes, juristes, géographes.",
            "A network of several territories, which brings outside legitimacy, and researchers from varied "
            "backgrounds: economists, lawyers, geographers.",
        ),
    ),
    "lessons": rich(
        T(
            "Traiter une politique publique comme une hypothèse à vérifier sur le terrain change la posture des "
            "agents, qui deviennent enquêteurs de leur propre action.",
            "Treating a public policy as a hypothesis to test in the field changes staff's stance: they become "
            "investigators of their own work.",
        ),
    ),
    "lifecycle_stage": "experimentation",
    "start_year": 2023,
    "evidence_level": "self_declared",
    "territory_name": "Onze collectivités, dont Rennes et la Métropole de Montpellier",
    "country": "FR",
    "policy_areas": ["developpement-economique", "transition-ecologique"],
    "territory_types": ["metropolitain", "urbain"],
    "instruments": ["enquete-participative", "commande-publique", "experimentation"],
    "methods": ["enquete-participative", "co-construction", "evaluation"],
    "labs": ["la-27e-region"],
    "programme": "rebonds",
    "partners": [
        partner("ADEME", T("Partenaire et financeur", "Partner and funder")),
        partner("Fondation de France", T("Partenaire et financeur", "Partner and funder")),
        partner("France Urbaine", T("Réseau des grandes villes, partenaire", "Network of large cities, partner")),
        partner(
            "Intercommunalités de France",
            T("Réseau des intercommunalités, partenaire", "Network of intermunicipal bodies, partner"),
        ),
    ],
    "legal_competence": "intercommunality",
    "budget_range": "50k-200k",
    "staff_time": "0.5-1",
    "duration": "gt2y",
    "prerequisites": lines(
        T("Des agents disponibles pour six mois d'enquête", "Staff available for six months of inquiry"),
        T("Un accord pour expérimenter sur les instruments économiques", "Agreement to experiment with economic tools"),
    ),
    "core_elements": lines(
        T("L'enquête avant l'expérimentation", "Inquiry before experimentation"),
        T("La documentation publique au fil de l'eau", "Public documentation as the work goes"),
        T("Plusieurs territoires qui apprennent ensemble", "Several territories learning together"),
    ),
    "adaptable_elements": lines(
        T("Les instruments expérimentés", "The instruments tried out"),
        T("Le nombre de territoires", "The number of territories"),
    ),
    "sources": [QUINZE_MARCHES_27E, SITE_27E],
    "transposed_from": [
        {
            "source": "manchester-community-wealth",
            "what_changed": T(
                "L'idée anglaise passe par une enquête menée par les agents eux-mêmes et par des "
                "expérimentations ciblées sur les outils français : marchés publics, foncier soumis au zéro "
                "artificialisation nette, métiers du développement économique.",
                "The English idea is reworked through an inquiry led by staff themselves and through "
                "experiments aimed at French tools: public procurement, land subject to the net-zero land take "
                "target, and economic development jobs.",
            ),
            "outcome": "ongoing",
            "result": T(
                "L'enquête a produit neuf changements de paradigme ; les expérimentations étaient en préparation.",
                "The inquiry produced nine paradigm shifts; the experiments were being prepared.",
            ),
        }
    ],
    "licence": "CC-BY-4.0",
    "last_verified": VERIFIED,
}

ECLAIREURS_WORKSHOPS = {
    "key": "eclaireurs-ateliers",
    "slug": T("eclaireurs-ateliers-administration-de-demain", "eclaireurs-workshops-tomorrows-administration"),
    "title": T(
        "Les Éclaireurs : des ateliers pour imaginer l'administration de demain",
        "Les Éclaireurs: workshops to imagine tomorrow's administration",
    ),
    "summary": T(
        "La 27e Région réunit des agents de ses collectivités membres dans des ateliers prospectifs sur "
        "l'administration de demain. Les premiers ont porté sur l'évaluation et sur les relations avec les élus.",
        "La 27e Région brings staff from its member local governments together in forward-looking workshops on "
        "tomorrow's administration. The first ones dealt with evaluation and with relations with elected "
        "officials.",
    ),
    "problem": rich(
        T(
            "Les politiques publiques ont été conçues il y a un demi-siècle dans une culture de la planification. "
            "Pour La 27e Région, il est temps d'en changer le « système d'exploitation » et de passer à une "
            "logique d'essais et d'erreurs.",
            "Public policies were designed half a century ago in a planning culture. For La 27e Région it is "
            "time to change their “operating system” and move to a trial-and-error approach.",
        ),
    ),
    "actions": rich(
        T(
            "Des ateliers réunissent des praticiens de plusieurs collectivités pour explorer un thème, "
            "confronter leurs expériences et formuler des pistes pour l'administration de demain.",
            "Workshops bring practitioners from several local governments together to explore a theme, compare "
            "their experience and suggest directions for tomorrow's administration.",
        ),
    ),
    "results": rich(
        T(
            "En 2018, l'association annonçait vouloir développer ce cycle ; les thèmes déjà traités étaient "
            "l'évaluation et les relations entre administration et élus.",
            "In 2018 the association announced plans to expand the series; the themes already covered were "
            "evaluation and relations between the administration and elected officials.",
        ),
    ),
    "key_figures": [
        figure(
            same("2"),
            T(
                "premiers thèmes : évaluation, relations avec les élus",
                "first themes: evaluation, relations with officials",
            ),
        ),
        figure(
            T("Une trentaine", "About 30"),
            T("de collectivités membres du réseau en 2018", "member local governments in 2018"),
        ),
    ],
    "challenges": rich(
        T(
            "Les sources ne documentent ni le nombre d'ateliers ni leurs suites concrètes.",
            "The sources document neither the number of workshops nor their concrete follow-up.",
        ),
    ),
    "success_conditions": rich(
        T(
            "Des participants issus de collectivités différentes, pour croiser les cultures administratives.",
            "Participants from different local governments, to cross administrative cultures.",
        ),
    ),
    "lessons": rich(
        T(
            "La prospective gagne à partir de sujets sensibles du quotidien, comme la relation aux élus.",
            "Foresight work benefits from starting with sensitive everyday subjects, such as relations with "
            "elected officials.",
        ),
    ),
    "lifecycle_stage": "idea",
    "start_year": 2018,
    "evidence_level": "self_declared",
    "territory_name": "Collectivités membres de La 27e Région",
    "country": "FR",
    "policy_areas": ["rh-management", "democratie-participation"],
    "territory_types": ["regional", "metropolitain"],
    "instruments": ["formation"],
    "methods": ["co-construction", "design-fiction"],
    "labs": ["la-27e-region"],
    "programme": "les-eclaireurs",
    "partners": [partner("La 27e Région", T("Organisation des ateliers", "Workshop organiser"))],
    "legal_competence": "region",
    "budget_range": "lt10k",
    "staff_time": "lt0.5",
    "duration": "lt6m",
    "prerequisites": lines(T("Un réseau de collectivités volontaires", "A network of willing local governments")),
    "core_elements": lines(T("Des ateliers entre pairs de plusieurs territoires", "Peer workshops across territories")),
    "adaptable_elements": lines(T("Les thèmes abordés", "The themes covered")),
    "sources": [AEF_TRANSFO],
    "licence": "CC-BY-4.0",
    "last_verified": VERIFIED,
}

MINDLAB_USERS = {
    "key": "mindlab-usagers",
    "slug": T("mindlab-associer-usagers-en-amont", "mindlab-involving-users-upstream"),
    "title": T(
        "MindLab : associer les usagers avant de décider, au cœur de l'État danois",
        "MindLab: involving users before deciding, at the heart of the Danish state",
    ),
    "summary": T(
        "Créé en 2002 par plusieurs ministères danois, MindLab faisait entrer l'expertise des bénéficiaires dès "
        "la conception des politiques et testait les idées avec les usagers avant leur déploiement. Cité dans le "
        "monde entier, il a fermé en 2018.",
        "Set up in 2002 by several Danish ministries, MindLab brought the expertise of the people concerned into "
        "policy design from the start and tested ideas with users before roll-out. Cited worldwide, it closed "
        "in 2018.",
    ),
    "problem": rich(
        T(
            "Le cycle classique des politiques publiques (crise, mise à l'agenda, étude, mise en œuvre, "
            "évaluation) laisse les bénéficiaires à l'écart jusqu'au déploiement.",
            "The classic policy cycle (crisis, agenda-setting, study, implementation, evaluation) leaves the "
            "people concerned out until roll-out.",
        ),
    ),
    "actions": rich(
        T(
            "Un laboratoire partagé entre ministères a réinterrogé ce cycle : recueillir l'expertise des usagers "
            "très en amont, puis tester les solutions avec eux avant de les généraliser.",
            "A lab shared by several ministries questioned that cycle: gather users' expertise early on, then "
            "test solutions with them before rolling them out.",
        ),
    ),
    "results": rich(
        T(
            "MindLab est devenu la démarche la plus emblématique parmi la cinquantaine de structures comparables "
            "recensées en Europe et la centaine dans le monde. Il a inspiré de nombreux laboratoires, en France "
            "notamment.",
            "MindLab became the best-known example among some fifty comparable units counted in Europe and a "
            "hundred worldwide. It inspired many labs, in France among others.",
        ),
    ),
    "key_figures": [
        figure(T("2002 → 2018", "2002 → 2018"), T("années d'activité", "years of activity")),
        figure(T("~50", "~50"), T("structures comparables en Europe", "comparable units in Europe")),
        figure(T("> 100", "> 100"), T("dans le monde", "worldwide")),
    ],
    "challenges": rich(
        T(
            "La fermeture de 2018 rappelle qu'un laboratoire très reconnu reste dépendant des choix du "
            "gouvernement qui l'héberge.",
            "Its closure in 2018 is a reminder that even a highly recognised lab depends on the choices of the "
            "government that hosts it.",
        ),
    ),
    "success_conditions": rich(
        T(
            "Un pied dedans pour accéder aux décideurs, un pied dehors pour garder assez de liberté.",
            "One foot inside to reach decision-makers, one foot outside to keep enough freedom.",
        ),
    ),
    "lessons": rich(
        T(
            "Un laboratoire doit garder sa capacité critique vis-à-vis de son organisation ; une "
            "institutionnalisation trop rapide peut la lui faire perdre.",
            "A lab must keep its ability to criticise its own organisation; being institutionalised too fast can "
            "cost it that ability.",
        ),
    ),
    "lifecycle_stage": "stopped",
    "start_year": 2002,
    "end_year": 2018,
    "evidence_level": "self_declared",
    "territory_name": "Danemark",
    "country": "DK",
    "population": 5900000,
    "latitude": "55.676100",
    "longitude": "12.568300",
    "policy_areas": ["administration-numerique", "democratie-participation"],
    "territory_types": ["urbain", "rural"],
    "instruments": ["laboratoire-interne", "experimentation"],
    "methods": ["co-construction", "ethnographie", "prototypage"],
    "labs": ["mindlab"],
    "partners": [partner("Ministères danois", T("Tutelle et commanditaires", "Sponsors and clients"))],
    "legal_competence": "state",
    "budget_range": "gt1m",
    "staff_time": "gt3",
    "duration": "gt2y",
    "prerequisites": lines(
        T("Plusieurs ministères prêts à partager un laboratoire", "Several ministries willing to share a lab")
    ),
    "core_elements": lines(
        T("L'expertise des usagers en amont", "Users' expertise upstream"),
        T("Des tests avant tout déploiement", "Tests before any roll-out"),
    ),
    "adaptable_elements": lines(
        T("Le rattachement administratif du laboratoire", "Where the lab sits in the administration")
    ),
    "sources": [ESS_INTERVIEW],
    "licence": "CC-BY-4.0",
    "last_verified": VERIFIED,
}
