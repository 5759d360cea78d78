"""The in-house labs created through La Transfo (source: the AEF info report, 2018)."""

from decimal import Decimal

from practices.demo.practice_parts import VERIFIED
from practices.demo.text import T


def _transfo_lab(key, **fields):
    """A lab created through La Transfo: the programme's shared facts plus its own."""
    base = {
        "status": "active",
        "team_size": 20,
        "methods": ["design-de-services", "immersion", "prototypage", "co-construction"],
        "last_verified": VERIFIED,
    }
    return {"key": key, **base, **fields}


TRANSFO_TEAM = (
    T("L'équipe", "The team"),
    [
        T(
            "Comme dans chaque territoire de La Transfo, une vingtaine d'agents volontaires, issus des "
            "catégories A, B et C, y consacrent entre 35 et 40 jours sur 14 à 18 mois, accompagnés par des "
            "sociologues et des urbanistes de La 27e Région.",
            "As in every La Transfo territory, about twenty volunteer staff from all three civil-service "
            "grades (A, B and C) devote 35 to 40 days to it over 14 to 18 months, coached by sociologists "
            "and urban planners from La 27e Région.",
        )
    ],
)


TRANSFO_LABS = [
    _transfo_lab(
        "paris",
        slug=T("ville-de-paris", "city-of-paris"),
        title=T("Laboratoire d'innovation publique de la Ville de Paris", "City of Paris public innovation lab"),
        initials="VP",
        summary=T(
            "Laboratoire interne issu du programme La Transfo, dont la création officielle était prévue en mai "
            "2018, en lien avec la politique de la Ville sur les données ouvertes et la participation citoyenne.",
            "An in-house lab that grew out of the La Transfo programme, due to be formally created in May 2018 "
            "and linked to the city's open-data and citizen-participation policies.",
        ),
        host_institution="Ville de Paris",
        institution_type="city",
        government_level="municipal",
        country="FR",
        region="Île-de-France",
        city="Paris",
        latitude=Decimal("48.856400"),
        longitude=Decimal("2.352100"),
        founded_year=2018,
        description=[
            TRANSFO_TEAM,
            (
                T("Premiers chantiers", "First projects"),
                [
                    T(
                        "Les agents ont notamment travaillé sur un guide des écogestes pour les bâtiments "
                        "administratifs et sur la gestion des pieds d'arbres, jusque-là répartie entre cinq "
                        "services.",
                        "The staff worked in particular on an eco-gestures guide for office buildings and on "
                        "the management of tree pits, until then split between five departments.",
                    )
                ],
            ),
        ],
    ),
    _transfo_lab(
        "mulhouse",
        slug=T("ville-de-mulhouse", "city-of-mulhouse"),
        title=T("Laboratoire d'innovation publique de la Ville de Mulhouse", "City of Mulhouse public innovation lab"),
        initials="MU",
        summary=T(
            "Premier laboratoire ouvert en France dans le cadre de La Transfo, en juin 2016 : ses agents ont "
            "travaillé sur la fréquentation de la médiathèque et sur une carte culture pour les jeunes.",
            "The first lab opened in France under La Transfo, in June 2016: its staff worked on library "
            "attendance and on a culture card for young people.",
        ),
        host_institution="Ville de Mulhouse",
        institution_type="city",
        government_level="municipal",
        country="FR",
        region="Grand Est",
        city="Mulhouse",
        latitude=Decimal("47.750800"),
        longitude=Decimal("7.335900"),
        founded_year=2016,
        description=[TRANSFO_TEAM],
    ),
    _transfo_lab(
        "dunkerque",
        slug=T("communaute-urbaine-de-dunkerque", "dunkirk-urban-community"),
        title=T(
            "Laboratoire d'innovation publique de la Communauté urbaine de Dunkerque",
            "Dunkirk Urban Community public innovation lab",
        ),
        initials="CUD",
        summary=T(
            "Laboratoire interne créé avec La Transfo : son équipe a cherché comment amener les ménages "
            "précaires à mieux utiliser les aides à la rénovation énergétique de leur logement.",
            "An in-house lab created with La Transfo: its team looked for ways to help low-income households "
            "make better use of grants for the energy renovation of their homes.",
        ),
        host_institution="Communauté urbaine de Dunkerque",
        institution_type="intercommunality",
        government_level="intermunicipal",
        country="FR",
        region="Hauts-de-France",
        city="Dunkerque",
        latitude=Decimal("51.034300"),
        longitude=Decimal("2.376800"),
        description=[TRANSFO_TEAM],
    ),
    _transfo_lab(
        "occitanie",
        slug=T("region-occitanie", "occitanie-region"),
        title=T("Laboratoire d'innovation de la Région Occitanie", "Occitanie Region innovation lab"),
        initials="OC",
        summary=T(
            "Laboratoire expérimental lancé début 2017, tourné vers les ressources humaines et le management "
            "pour accompagner la fusion des services de Midi-Pyrénées et de Languedoc-Roussillon.",
            "An experimental lab launched in early 2017, focused on human resources and management to support "
            "the merger of the Midi-Pyrénées and Languedoc-Roussillon administrations.",
        ),
        host_institution="Région Occitanie",
        institution_type="region",
        government_level="regional",
        country="FR",
        region="Occitanie",
        city="Toulouse",
        latitude=Decimal("43.604700"),
        longitude=Decimal("1.444200"),
        founded_year=2017,
        description=[TRANSFO_TEAM],
    ),
    _transfo_lab(
        "lille",
        slug=T("metropole-europeenne-de-lille", "european-metropolis-of-lille"),
        title=T(
            "Laboratoire d'innovation de la Métropole européenne de Lille",
            "European Metropolis of Lille innovation lab",
        ),
        acronym=T("MEL", "MEL"),
        initials="MEL",
        summary=T(
            "Cinquième administration à rejoindre La Transfo, en 2018 : une vingtaine d'agents y mènent un "
            "projet transversal pour améliorer le service rendu aux usagers.",
            "The fifth administration to join La Transfo, in 2018: about twenty staff run a cross-departmental "
            "project there to improve the service provided to users.",
        ),
        host_institution="Métropole européenne de Lille",
        institution_type="intercommunality",
        government_level="intermunicipal",
        country="FR",
        region="Hauts-de-France",
        city="Lille",
        latitude=Decimal("50.629200"),
        longitude=Decimal("3.057300"),
        founded_year=2018,
        description=[TRANSFO_TEAM],
    ),
]
