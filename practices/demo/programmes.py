"""The multi-territory programmes run by La 27e Région (facts from the seed articles)."""

from practices.demo.text import T, rich, stream


def _figure(image_id, alt: T, caption: T):
    return (
        "figure",
        {
            "image": {"image": image_id, "decorative": False, "alt_text": alt},
            "caption": caption,
            "attribution": T("Illustration dessinée pour Praxis", "Illustration drawn for Praxis"),
        },
    )


def _funder(name, note: T, amount=None):
    return ("funder", {"name": name, "amount": amount, "currency": "EUR", "note": note})


PROGRAMMES = [
    {
        "key": "la-transfo",
        "slug": T("la-transfo", "la-transfo"),
        "title": T("La Transfo", "La Transfo"),
        "illustration": ("network", 10),
        "summary": T(
            "Programme de La 27e Région pour doter dix grandes collectivités françaises d'un laboratoire "
            "d'innovation interne, cofinancé par Bloomberg Philanthropies et mené jusqu'en 2020.",
            "La 27e Région's programme to give ten large French local governments an in-house innovation lab, "
            "co-funded by Bloomberg Philanthropies and run until 2020.",
        ),
        "start_year": 2016,
        "end_year": 2020,
        "labs": ["mulhouse", "dunkerque", "paris", "occitanie", "lille", "la-27e-region"],
        "territories": T(
            "Ville de Mulhouse\nCommunauté urbaine de Dunkerque\nVille de Paris\nRégion Occitanie\n"
            "Métropole européenne de Lille",
            "City of Mulhouse\nDunkirk Urban Community\nCity of Paris\nOccitanie Region\nEuropean Metropolis of Lille",
        ),
        "funders": [
            _funder(
                "Bloomberg Philanthropies",
                T(
                    "Subvention accordée en juillet 2017, soit 86 000 € par collectivité et 45 % du coût du programme",
                    "Grant awarded in July 2017: €86,000 per local government, 45% of the programme's cost",
                ),
                amount="860000.00",
            ),
            _funder(
                T("Collectivités participantes", "Participating local governments"),
                T("Les 55 % restants du coût du programme", "The remaining 55% of the programme's cost"),
            ),
        ],
        "description": [
            (
                T("Le principe", "How it works"),
                [
                    T(
                        "Dans chaque collectivité, une équipe d'une vingtaine d'agents volontaires, de toutes "
                        "catégories, travaille 14 à 18 mois sur un projet transversal : améliorer un service "
                        "rendu aux usagers ou en inventer un nouveau. Chaque agent y consacre 35 à 40 jours.",
                        "In each local government a team of about twenty volunteer staff from every grade "
                        "spends 14 to 18 months on a cross-departmental project: improving a service to users "
                        "or creating a new one. Each person devotes 35 to 40 days to it.",
                    ),
                    T(
                        "Des sociologues et des urbanistes de La 27e Région accompagnent les équipes. L'idée est "
                        "que les agents eux-mêmes, plutôt qu'un cabinet de conseil, ouvrent un espace critique "
                        "au sein de leur institution.",
                        "Sociologists and urban planners from La 27e Région coach the teams. The idea is that "
                        "staff themselves, rather than consultants, open a space for critical thinking inside "
                        "their institution.",
                    ),
                ],
            ),
            (
                T("Les territoires", "The territories"),
                [
                    T(
                        "Mulhouse a ouvert la marche en juin 2016, suivie par Dunkerque, Paris et la Région "
                        "Occitanie, puis la Métropole européenne de Lille en 2018. Cinq autres administrations "
                        "devaient être désignées d'ici 2019.",
                        "Mulhouse led the way in June 2016, followed by Dunkirk, Paris and the Occitanie "
                        "Region, then the European Metropolis of Lille in 2018. Five more administrations were "
                        "to be chosen by 2019.",
                    ),
                    T(
                        "La fondation mène une opération comparable dans 25 métropoles d'Amérique du Nord et d'Israël.",
                        "The foundation runs a comparable scheme in 25 cities in North America and Israel.",
                    ),
                ],
            ),
        ],
        "figure_alt": T(
            "Dix points reliés entre eux et à un centre commun, comme dix collectivités autour d'un même programme.",
            "Ten dots linked to each other and to a shared centre, like ten local governments around one programme.",
        ),
        "figure_caption": T("Dix collectivités, un programme commun.", "Ten local governments, one programme."),
    },
    {
        "key": "territoires-en-residence",
        "slug": T("territoires-en-residence", "territories-in-residence"),
        "title": T("Territoires en résidence", "Territoires en résidence (territories in residence)"),
        "illustration": ("houses", 7),
        "summary": T(
            "Programme des débuts de La 27e Région : pendant environ huit ans, des équipes pluridisciplinaires "
            "se sont installées plusieurs semaines dans vingt territoires pour travailler sur un problème public.",
            "One of La 27e Région's first programmes: for about eight years, multidisciplinary teams settled for "
            "several weeks in twenty territories to work on a public problem.",
        ),
        "labs": ["la-27e-region"],
        "territories": T(
            "Communauté de communes de Lezoux (Puy-de-Dôme)\nVingt territoires au total",
            "Community of communes around Lezoux (Puy-de-Dôme)\nTwenty territories in all",
        ),
        "funders": [],
        "description": [
            (
                T("Vivre sur place", "Living on site"),
                [
                    T(
                        "Le principe restait le même d'un territoire à l'autre : partir d'un problème public "
                        "concret et rester sur place, parfois en logeant chez l'habitant, pour enquêter auprès "
                        "des gens concernés avant toute décision.",
                        "The principle was the same everywhere: start from a concrete public problem and stay "
                        "on site, sometimes lodging with residents, to inquire among the people concerned "
                        "before anything was decided.",
                    ),
                    T(
                        "Il s'agissait aussi de prouver que les méthodes de design et de co-conception "
                        "fonctionnent dans des contextes variés, ruraux comme urbains.",
                        "It was also a way to prove that design and co-design methods work in varied "
                        "settings, rural as well as urban.",
                    ),
                ],
            )
        ],
        "figure_alt": T(
            "Une rangée de petites maisons dont une seule est éclairée.",
            "A row of small houses with a single one lit up.",
        ),
        "figure_caption": T("Une équipe en résidence dans un territoire.", "A team in residence in a territory."),
    },
    {
        "key": "rebonds",
        "slug": T("rebonds", "rebonds"),
        "title": T("Rebonds", "Rebonds (Bounce Back)"),
        "illustration": ("bounce", 0),
        "summary": T(
            "Programme de recherche-action qui aide onze collectivités à réorienter leurs politiques de "
            "développement économique vers les besoins de la transition écologique et sociale.",
            "An action-research programme helping eleven local governments steer their economic development "
            "policies towards the needs of the ecological and social transition.",
        ),
        "start_year": 2023,
        "labs": ["la-27e-region"],
        "territories": T(
            "Rennes\nMétropole de Montpellier\nOnze collectivités au total",
            "Rennes\nMontpellier metropolitan area\nEleven local governments in all",
        ),
        "funders": [
            _funder("ADEME", T("Partenaire et financeur du programme", "Programme partner and funder")),
            _funder("Fondation de France", T("Partenaire et financeur du programme", "Programme partner and funder")),
            _funder("France Urbaine", T("Partenaire du programme", "Programme partner")),
            _funder("Intercommunalités de France", T("Partenaire du programme", "Programme partner")),
        ],
        "description": [
            (
                T("Des agents enquêteurs", "Staff as investigators"),
                [
                    T(
                        "Pendant six mois, les agents participants enquêtent comme des journalistes sur de "
                        "nouveaux modèles économiques, chez eux, ailleurs en France ou à l'étranger. L'équipe "
                        "de La 27e Région anime des conférences de rédaction et les forme à l'entretien.",
                        "For six months the participating staff investigate new economic models like "
                        "reporters, at home, elsewhere in France or abroad. La 27e Région's team runs "
                        "editorial meetings and trains them to interview.",
                    ),
                    T(
                        "L'enquête débouche sur un cahier des charges de douze à quinze expérimentations, "
                        "menées ensuite pendant un an et demi ; chacune dure quatre à cinq mois. Un guide de "
                        "passage à l'échelle clôt le programme.",
                        "The inquiry leads to specifications for twelve to fifteen experiments, then run over "
                        "eighteen months; each lasts four to five months. A guide to scaling up closes the "
                        "programme.",
                    ),
                ],
            )
        ],
        "figure_alt": T(
            "Une balle qui rebondit en arcs de plus en plus courts au-dessus d'une ligne de sol.",
            "A ball bouncing in shorter and shorter arcs above a ground line.",
        ),
        "figure_caption": T("Rebondir plutôt que recommencer.", "Bouncing back rather than starting over."),
    },
    {
        "key": "les-eclaireurs",
        "slug": T("les-eclaireurs", "les-eclaireurs"),
        "title": T("Les Éclaireurs", "Les Éclaireurs (the scouts)"),
        "illustration": ("beams", 0),
        "summary": T(
            "Cycle d'ateliers de La 27e Région pour imaginer l'administration de demain, que l'association "
            "voulait développer à partir de 2018.",
            "A series of workshops by La 27e Région to imagine tomorrow's administration, which the association "
            "planned to expand from 2018.",
        ),
        "start_year": 2018,
        "labs": ["la-27e-region"],
        "territories": T("Collectivités membres de La 27e Région", "Member local governments of La 27e Région"),
        "funders": [],
        "description": [
            (
                T("Des ateliers prospectifs", "Forward-looking workshops"),
                [
                    T(
                        "Les premiers ateliers ont porté sur l'évaluation des politiques publiques et sur les "
                        "relations entre l'administration et les élus.",
                        "The first workshops dealt with policy evaluation and with relations between the "
                        "administration and elected officials.",
                    )
                ],
            )
        ],
        "figure_alt": T(
            "Une tour qui projette des faisceaux de lumière vers l'horizon.",
            "A tower casting beams of light towards the horizon.",
        ),
        "figure_caption": T(
            "Éclairer le chemin avant d'y engager tout le monde.", "Lighting the way before everyone sets off."
        ),
    },
]


def programme_description(programme, image_id):
    key = f"programme:{programme['key']}:description"
    blocks = []
    for index, (heading, paragraphs) in enumerate(programme["description"]):
        blocks.append(("heading", {"text": heading, "level": "h2"}))
        blocks.append(("paragraph", rich(*paragraphs)))
        if index == 0:
            blocks.append(_figure(image_id, programme["figure_alt"], programme["figure_caption"]))
    return stream(key, blocks)


def programme_funders(programme):
    return stream(f"programme:{programme['key']}:funders", programme["funders"])
