"""La Transfo practices in Paris and in the Occitanie Region (source: the AEF info report, 2018)."""

from practices.demo.practice_parts import (
    BLOOMBERG,
    BLOOMBERG_FIGURE,
    LA_27E_COACHING,
    TRANSFO_SHEET,
    TRANSFO_TEAM_FIGURES,
    VERIFIED,
    figure,
    same,
)
from practices.demo.sources import AEF_TRANSFO, ESS_INTERVIEW
from practices.demo.text import T, lines, rich

PARIS = {
    "territory_name": "Paris",
    "country": "FR",
    "population": 2100000,
    "labs": ["paris"],
    "programme": "la-transfo",
    "partners": [LA_27E_COACHING, BLOOMBERG],
    "legal_competence": "commune",
    "evidence_level": "self_declared",
    "licence": "CC-BY-4.0",
    "last_verified": VERIFIED,
    "sources": [AEF_TRANSFO],
}

PARIS_TREE_PITS = {
    **PARIS,
    "key": "paris-pieds-arbres",
    "slug": T("paris-gestion-pieds-arbres", "paris-tree-pit-management"),
    "title": T(
        "Paris : réunir cinq services autour des pieds d'arbres",
        "Paris: bringing five departments together around tree pits",
    ),
    "summary": T(
        "À Paris, l'entretien des pieds d'arbres, ces petites surfaces de terre au pied des arbres d'alignement, "
        "relevait de cinq services différents qui se faisaient concurrence. Les agents du laboratoire de la "
        "Ville en ont fait l'un de leurs premiers chantiers.",
        "In Paris the upkeep of tree pits, the small patches of soil at the foot of street trees, was shared "
        "by five different departments that competed with one another. Staff in the city's lab made it one of "
        "their first projects.",
    ),
    "problem": rich(
        T(
            "Cinq services intervenaient sur le même objet, chacun selon sa logique et sans coordination. Pour "
            "l'habitant comme pour l'agent, personne n'était clairement responsable.",
            "Five departments dealt with the same object, each in its own way and with no coordination. For "
            "residents and staff alike, nobody was clearly in charge.",
        ),
    ),
    "actions": rich(
        T(
            "Les agents volontaires ont pris ce sujet parce qu'il obligeait à sortir des logiques de service. "
            "La démarche consistait à observer la situation sur le terrain et à réunir les services concernés "
            "autour d'une gestion commune.",
            "The volunteer staff chose this subject because it forced them out of departmental thinking. The "
            "approach was to observe the situation on the ground and bring the departments concerned together "
            "around shared management.",
        ),
    ),
    "results": rich(
        T(
            "En 2018, le sujet figurait parmi les projets du laboratoire, dont la création officielle était "
            "prévue en mai. Aucun résultat chiffré n'a été publié.",
            "In 2018 the subject was among the projects of the lab, whose formal creation was planned for May. "
            "No measured results have been published.",
        ),
    ),
    "key_figures": [
        figure(same("5"), T("services qui se partageaient le sujet", "departments sharing the subject")),
        figure(
            T("Mai 2018", "May 2018"),
            T("création officielle prévue du laboratoire", "planned formal creation of the lab"),
        ),
        TRANSFO_TEAM_FIGURES[0],
    ],
    "challenges": rich(
        T(
            "Faire coopérer des services habitués à se concurrencer demande un mandat clair de la direction.",
            "Getting departments used to competing to cooperate takes a clear mandate from senior management.",
        ),
    ),
    "success_conditions": rich(
        T(
            "Un sujet modeste mais partagé, sur lequel chaque service a quelque chose à gagner.",
            "A modest but shared subject on which every department has something to gain.",
        ),
    ),
    "lessons": rich(
        T(
            "Les petits objets du quotidien révèlent souvent les cloisonnements d'une grande administration.",
            "Small everyday objects often reveal the silos of a large administration.",
        ),
    ),
    "lifecycle_stage": "experimentation",
    "start_year": 2017,
    "latitude": "48.856600",
    "longitude": "2.352200",
    "policy_areas": ["espace-public", "transition-ecologique"],
    "territory_types": ["metropolitain"],
    "instruments": ["laboratoire-interne", "experimentation"],
    "methods": ["immersion", "co-construction"],
    "budget_range": "10k-50k",
    "staff_time": "0.5-1",
    "duration": "6-12m",
    "prerequisites": lines(
        T("Un inventaire des services qui interviennent", "A list of the departments involved"),
        T("Un mandat de la direction générale", "A mandate from the chief executive"),
    ),
    "core_elements": lines(
        T("Un seul interlocuteur responsable", "One clearly responsible contact"),
        T("L'observation sur le terrain", "Observation on the ground"),
    ),
    "adaptable_elements": lines(
        T("Le mode de gestion retenu, en régie ou partagé", "The chosen management model, in-house or shared"),
    ),
}

PARIS_ECO_GESTURES = {
    **PARIS,
    "key": "paris-ecogestes",
    "slug": T("paris-guide-ecogestes-batiments", "paris-eco-gestures-guide-buildings"),
    "title": T(
        "Paris : un guide des écogestes pour les bâtiments administratifs",
        "Paris: an eco-gestures guide for office buildings",
    ),
    "summary": T(
        "Les agents du laboratoire de la Ville de Paris ont travaillé à un guide des gestes économes en énergie "
        "et en ressources, destiné à ceux qui travaillent dans les bâtiments administratifs de la Ville.",
        "Staff of the City of Paris lab worked on a guide to energy- and resource-saving habits for the people "
        "who work in the city's office buildings.",
    ),
    "problem": rich(
        T(
            "Les bâtiments administratifs consomment de l'énergie et des ressources au quotidien, et une part "
            "de cette consommation dépend des habitudes de ceux qui y travaillent.",
            "Office buildings use energy and resources every day, and part of that use depends on the habits of "
            "the people working in them.",
        ),
    ),
    "actions": rich(
        T(
            "Le guide a été conçu par des agents volontaires, pour leurs collègues, dans le cadre du laboratoire "
            "issu de La Transfo.",
            "The guide was designed by volunteer staff, for their colleagues, as part of the lab that grew out "
            "of La Transfo.",
        ),
    ),
    "results": rich(
        T(
            "Le guide figure parmi les réalisations citées en 2018 ; son effet sur les consommations n'a pas été "
            "publié.",
            "The guide is among the outputs cited in 2018; its effect on consumption has not been published.",
        ),
    ),
    "key_figures": [TRANSFO_TEAM_FIGURES[0], BLOOMBERG_FIGURE],
    "challenges": rich(
        T(
            "Un guide ne change pas les pratiques à lui seul : il faut l'accompagner et mesurer.",
            "A guide does not change habits on its own: it needs support and measurement.",
        ),
    ),
    "success_conditions": rich(
        T(
            "Des gestes écrits par des agents, dans leurs mots, à partir de leur quotidien.",
            "Habits written up by staff, in their own words, from their daily work.",
        ),
    ),
    "lessons": rich(
        T(
            "Confier la conception aux usagers du bâtiment rend le guide plus crédible auprès de leurs collègues.",
            "Letting the building's users design the guide makes it more credible to their colleagues.",
        ),
    ),
    "lifecycle_stage": "experimentation",
    "start_year": 2017,
    "latitude": "48.856400",
    "longitude": "2.352100",
    "policy_areas": ["transition-ecologique", "rh-management"],
    "territory_types": ["metropolitain"],
    "instruments": ["laboratoire-interne", "formation"],
    "methods": ["co-construction", "design-de-services"],
    "budget_range": "lt10k",
    "staff_time": "lt0.5",
    "duration": "6-12m",
    "prerequisites": lines(
        T("Des volontaires dans les bâtiments concernés", "Volunteers in the buildings concerned"),
    ),
    "core_elements": lines(
        T("Un guide écrit par les agents eux-mêmes", "A guide written by staff themselves"),
    ),
    "adaptable_elements": lines(
        T("Les gestes retenus et le support du guide", "The habits chosen and the guide's format"),
    ),
}

OCCITANIE_WORKSPACES = {
    "key": "occitanie-tiers-lieux",
    "slug": T("occitanie-espaces-partages-agents", "occitanie-shared-workspaces-staff"),
    "title": T(
        "Occitanie : des espaces de travail partagés pour les agents après la fusion des régions",
        "Occitanie: shared workspaces for staff after the merger of two regions",
    ),
    "summary": T(
        "Lancé début 2017, le laboratoire de la Région Occitanie visait à faciliter la fusion des services de "
        "Midi-Pyrénées et de Languedoc-Roussillon. Parmi les pistes : des tiers-lieux ou espaces partagés pour "
        "les agents toulousains appelés à travailler à Montpellier.",
        "Launched in early 2017, the Occitanie Region's lab set out to ease the merger of the Midi-Pyrénées and "
        "Languedoc-Roussillon administrations. One idea: third places or shared spaces for Toulouse staff who "
        "have to work in Montpellier.",
    ),
    "problem": rich(
        T(
            "Le rapprochement des deux anciennes régions a réuni deux administrations, deux sièges et deux "
            "cultures de travail. Des agents basés à Toulouse devaient se rendre régulièrement à Montpellier.",
            "Bringing the two former regions together merged two administrations, two head offices and two "
            "working cultures. Staff based in Toulouse had to travel to Montpellier regularly.",
        ),
    ),
    "actions": rich(
        T(
            "Contrairement aux autres territoires de La Transfo, le projet a porté sur les ressources humaines et "
            "le management. Il s'agissait de faire naître des deux cultures une nouvelle manière de travailler, "
            "tournée vers les usagers et le design.",
            "Unlike the other La Transfo territories, the project focused on human resources and management. "
            "The aim was to grow a new way of working out of the two cultures, oriented towards users and design.",
        ),
        T(
            "Les agents ont notamment étudié la création de tiers-lieux ou d'espaces partagés pour faciliter les "
            "déplacements entre les deux sièges.",
            "Staff looked in particular at creating third places or shared spaces to make travel between the two "
            "head offices easier.",
        ),
    ),
    "results": rich(
        T(
            "La piste des espaces partagés était à l'étude en 2018. Pour La 27e Région, le bien-être des agents "
            "et la qualité du service vont de pair : des agents mieux installés rendent un meilleur service.",
            "The shared-space idea was being studied in 2018. For La 27e Région, staff well-being and service "
            "quality go together: staff who work in better conditions provide better service.",
        ),
    ),
    "key_figures": [
        figure(
            same("2"), T("anciennes régions dont les services ont fusionné", "former regions whose services merged")
        ),
        figure(T("Début 2017", "Early 2017"), T("lancement du laboratoire", "lab launched")),
        BLOOMBERG_FIGURE,
    ],
    "challenges": rich(
        T(
            "Le syndicat Sud a reproché à la démarche de relever du « new public management » ou du « lean "
            "management », une lecture que La 27e Région conteste.",
            "The Sud union accused the approach of being “new public management” or “lean management”, a "
            "reading La 27e Région rejects.",
        ),
        T(
            "Comme ailleurs, le retour des agents dans des services à la gestion traditionnelle a été délicat.",
            "As elsewhere, staff going back to traditionally managed departments found it difficult.",
        ),
    ),
    "success_conditions": rich(
        T(
            "Associer les représentants du personnel tôt, pour que la démarche ne soit pas lue comme une "
            "réorganisation déguisée.",
            "Involve staff representatives early, so the approach is not read as a disguised reorganisation.",
        ),
    ),
    "lessons": rich(
        T(
            "Un laboratoire interne peut servir la transformation de l'organisation elle-même, pas seulement les "
            "services rendus au public.",
            "An in-house lab can serve the transformation of the organisation itself, not only the services it "
            "provides to the public.",
        ),
    ),
    "lifecycle_stage": "experimentation",
    "start_year": 2017,
    "territory_name": "Région Occitanie",
    "country": "FR",
    "population": 5900000,
    "latitude": "43.604700",
    "longitude": "1.444200",
    "policy_areas": ["rh-management", "mobilite"],
    "territory_types": ["regional"],
    "instruments": ["laboratoire-interne", "experimentation"],
    "methods": ["design-de-services", "co-construction", "immersion"],
    "labs": ["occitanie"],
    "programme": "la-transfo",
    "partners": [LA_27E_COACHING, BLOOMBERG],
    "legal_competence": "region",
    "prerequisites": lines(
        T("Une réorganisation ou une fusion en cours", "A reorganisation or merger under way"),
        T("Un dialogue social ouvert sur la démarche", "Open dialogue with unions about the approach"),
    ),
    "core_elements": lines(
        T(
            "Traiter ensemble bien-être des agents et qualité du service",
            "Treat staff well-being and service quality together",
        ),
        T(
            "Des équipes mêlant agents des deux anciennes administrations",
            "Teams mixing staff from both former administrations",
        ),
    ),
    "adaptable_elements": lines(
        T("La forme des espaces partagés", "The form of the shared spaces"),
        T("Les sites concernés", "The sites concerned"),
    ),
    "sources": [AEF_TRANSFO, ESS_INTERVIEW],
    "transposed_from": [
        {
            "source": "mulhouse-laboratoire",
            "what_changed": T(
                "Le format de Mulhouse a été tourné vers les questions de ressources humaines et de management, "
                "à l'échelle d'une région issue d'une fusion, plutôt que vers un service rendu au public.",
                "Mulhouse's format was turned towards human resources and management questions, at the scale "
                "of a region born of a merger, rather than towards a service to the public.",
            ),
            "outcome": "ongoing",
            "result": T(
                "En 2018, la piste des tiers-lieux était à l'étude ; les sources ne disent pas si elle a été "
                "mise en œuvre.",
                "In 2018 the third-place idea was being studied; the sources do not say whether it was put into "
                "practice.",
            ),
        }
    ],
    **TRANSFO_SHEET,
}
