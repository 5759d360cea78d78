"""Labs outside La Transfo: MindLab, La 27e Région, hospital and departmental labs."""

from decimal import Decimal

from practices.demo.practice_parts import VERIFIED
from practices.demo.text import T

NETWORK_LABS = [
    {
        "key": "mindlab",
        "slug": T("mindlab", "mindlab"),
        "title": T("MindLab", "MindLab"),
        "initials": "ML",
        "summary": T(
            "Laboratoire d'innovation interministériel créé par le gouvernement danois, longtemps cité comme "
            "la référence mondiale des laboratoires publics. Il a fermé en 2018.",
            "A cross-ministry innovation lab set up by the Danish government and long cited as the world's "
            "reference among public-sector labs. It closed in 2018.",
        ),
        "host_institution": "Gouvernement danois (plusieurs ministères)",
        "institution_type": "ministry",
        "government_level": "national",
        "country": "DK",
        "region": "Hovedstaden",
        "city": "Copenhague",
        "latitude": Decimal("55.676100"),
        "longitude": Decimal("12.568300"),
        "founded_year": 2002,
        "closed_year": 2018,
        "status": "closed",
        "status_reason": T(
            "En 2018, le gouvernement danois a mis fin au laboratoire et confié la modernisation du secteur "
            "public à une nouvelle structure, davantage tournée vers le numérique.",
            "In 2018 the Danish government shut the lab down and handed public-sector modernisation to a new, "
            "more digitally focused unit.",
        ),
        "methods": ["co-construction", "ethnographie", "design-de-services", "prototypage"],
        "description": [
            (
                T("Un laboratoire partagé entre ministères", "A lab shared by several ministries"),
                [
                    T(
                        "MindLab travaillait pour plusieurs ministères à la fois, ce qui lui permettait de "
                        "traiter des problèmes qui ne relèvent d'aucune administration en particulier.",
                        "MindLab worked for several ministries at once, which let it take on problems that "
                        "belong to no single administration.",
                    ),
                    T(
                        "Sa démarche consistait à recueillir l'expertise des bénéficiaires très en amont et à "
                        "tester les idées avec les usagers avant qu'une politique ne soit déployée.",
                        "Its approach was to gather the expertise of the people concerned early on and to test "
                        "ideas with users before a policy was rolled out.",
                    ),
                ],
            ),
            (
                T("Une référence internationale", "An international reference"),
                [
                    T(
                        "Une étude menée par La 27e Région avec la Commission européenne recensait une "
                        "cinquantaine de structures comparables en Europe et plus d'une centaine dans le monde ; "
                        "MindLab y apparaissait comme l'exemple qui a ouvert la voie.",
                        "A study by La 27e Région with the European Commission counted about fifty similar "
                        "units in Europe and more than a hundred worldwide; MindLab stood out as the example "
                        "that led the way.",
                    )
                ],
            ),
        ],
        "last_verified": VERIFIED,
    },
    {
        "key": "la-27e-region",
        "slug": T("la-27e-region", "la-27e-region"),
        "title": T("La 27e Région", "La 27e Région"),
        "initials": "27",
        "summary": T(
            "Association qui se définit comme un « action tank » : un cercle de praticiens qui aide les "
            "collectivités à changer la fabrique des politiques publiques par la recherche-action, le design "
            "et les sciences sociales.",
            "An association that calls itself an “action tank”: a circle of practitioners helping local "
            "governments change how public policy is made, through action research, design and the social "
            "sciences.",
        ),
        "host_institution": "La 27e Région (association)",
        "institution_type": "association",
        "government_level": "network",
        "country": "FR",
        "region": "Île-de-France",
        "city": "Paris",
        "latitude": Decimal("48.856600"),
        "longitude": Decimal("2.352200"),
        "founded_year": 2008,
        "status": "active",
        "website": "https://www.la27eregion.fr/",
        "team_size": 12,
        "methods": [
            "enquete-participative",
            "design-de-services",
            "immersion",
            "co-construction",
            "prototypage",
            "ethnographie",
        ],
        "contact_name": "Stéphane Vincent",
        "contact_role": T("Délégué général", "Managing director"),
        "description": [
            (
                T("Un cercle de praticiens", "A circle of practitioners"),
                [
                    T(
                        "En 2018, l'association réunissait une trentaine de collectivités (régions, métropoles, "
                        "agglomérations) ainsi que des services de l'État, avec douze salariés et un budget "
                        "d'environ un million d'euros. En 2024, elle comptait une quarantaine d'adhérents "
                        "institutionnels.",
                        "In 2018 the association brought together some thirty local governments (regions, "
                        "metropolitan areas, conurbations) and State services, with twelve employees and a "
                        "budget of about one million euros. By 2024 it had around forty institutional members.",
                    ),
                    T(
                        "Le statut associatif la tient à l'écart de la relation client-fournisseur des cabinets "
                        "de conseil : elle se finance comme un bien commun, par les cotisations de ses membres "
                        "publics et par des fondations.",
                        "Being an association keeps it out of the client-supplier relationship of consultancies: "
                        "it is funded as a commons, by its public members' fees and by foundations.",
                    ),
                ],
            ),
            (
                T("Une méthode d'enquête", "An inquiry-based method"),
                [
                    T(
                        "Ses programmes de recherche-action réunissent toujours plusieurs territoires. Inspirée "
                        "du pragmatisme de John Dewey, elle traite les politiques publiques comme des hypothèses "
                        "à vérifier sur le terrain, par l'enquête et par des tests grandeur nature.",
                        "Its action-research programmes always involve several territories. Drawing on John "
                        "Dewey's pragmatism, it treats public policies as hypotheses to be checked in the "
                        "field, through inquiry and real-life tests.",
                    ),
                    T(
                        "Elle documente son travail au fil de l'eau sur des blogs publics et associe de plus en "
                        "plus de chercheurs : économistes, juristes, géographes, aux côtés des designers.",
                        "It documents its work as it goes on public blogs and involves more and more "
                        "researchers, economists, lawyers and geographers alongside designers.",
                    ),
                ],
            ),
        ],
        "last_verified": VERIFIED,
    },
    {
        "key": "fabrique-hospitalite",
        "slug": T("la-fabrique-de-lhospitalite", "la-fabrique-de-lhospitalite"),
        "title": T("La Fabrique de l'Hospitalité", "La Fabrique de l'Hospitalité"),
        "initials": "FH",
        "summary": T(
            "Laboratoire d'innovation sociale hébergé par le CHU de Strasbourg depuis le début des années "
            "2010, cité parmi les premières initiatives de ce type en France.",
            "A social innovation lab hosted by Strasbourg University Hospital since the early 2010s, cited "
            "among the first initiatives of its kind in France.",
        ),
        "host_institution": "Hôpitaux universitaires de Strasbourg (CHU)",
        "institution_type": "hospital",
        "government_level": "regional",
        "country": "FR",
        "region": "Grand Est",
        "city": "Strasbourg",
        "latitude": Decimal("48.583900"),
        "longitude": Decimal("7.745500"),
        "founded_year": 2012,
        "status": "active",
        "methods": ["design-de-services", "co-construction", "immersion"],
        "description": [
            (
                T("L'innovation sociale à l'hôpital", "Social innovation in a hospital"),
                [
                    T(
                        "En 2017, La 27e Région la citait parmi les laboratoires français nés au sein même "
                        "d'une institution publique : elle fonctionnait alors depuis environ cinq ans au sein "
                        "du centre hospitalier universitaire.",
                        "In 2017 La 27e Région listed it among the French labs born inside a public "
                        "institution: it had then been running for about five years within the university "
                        "hospital.",
                    )
                ],
            )
        ],
        "last_verified": VERIFIED,
    },
    {
        "key": "psychiatrie-paris",
        "slug": T("psychiatrie-parisienne", "paris-psychiatry"),
        "title": T(
            "Laboratoire d'innovation des établissements psychiatriques parisiens",
            "Innovation lab of the Paris psychiatric hospitals",
        ),
        "initials": "PP",
        "summary": T(
            "Laboratoire d'innovation créé au sein de la structure qui regroupe les établissements "
            "psychiatriques de Paris, l'un des exemples récents cités par La 27e Région en 2017.",
            "An innovation lab set up within the body that groups the psychiatric hospitals of Paris, one of "
            "the recent examples cited by La 27e Région in 2017.",
        ),
        "host_institution": "Structure commune des établissements psychiatriques de Paris",
        "institution_type": "hospital",
        "government_level": "regional",
        "country": "FR",
        "region": "Île-de-France",
        "city": "Paris",
        "latitude": Decimal("48.828000"),
        "longitude": Decimal("2.336000"),
        "status": "active",
        "methods": ["design-de-services", "co-construction"],
        "description": [
            (
                T("Une initiative récente", "A recent initiative"),
                [
                    T(
                        "Les sources disponibles la mentionnent sans la détailler : elle illustre la diffusion "
                        "des laboratoires internes au-delà des collectivités, jusque dans les établissements de "
                        "santé.",
                        "The available sources mention it without detail: it shows internal labs spreading "
                        "beyond local governments and into health institutions.",
                    )
                ],
            )
        ],
        "last_verified": VERIFIED,
    },
    {
        "key": "val-doise",
        "slug": T("departement-du-val-doise", "val-doise-departement"),
        "title": T("Laboratoire d'innovation du Val-d'Oise", "Val-d'Oise innovation lab"),
        "initials": "95",
        "summary": T(
            "Démarche d'innovation publique du conseil départemental du Val-d'Oise, citée en 2017 parmi les "
            "initiatives françaises qui se multiplient.",
            "The public innovation effort of the Val-d'Oise departmental council, cited in 2017 among the "
            "growing number of French initiatives.",
        ),
        "host_institution": "Conseil départemental du Val-d'Oise",
        "institution_type": "departement",
        "government_level": "departmental",
        "country": "FR",
        "region": "Île-de-France",
        "city": "Cergy",
        "latitude": Decimal("49.036400"),
        "longitude": Decimal("2.076100"),
        "status": "active",
        "methods": ["co-construction", "design-de-services"],
        "description": [
            (
                T("L'échelle départementale", "The departmental scale"),
                [
                    T(
                        "Les départements, chargés avant tout des politiques sociales, doivent faire plus à "
                        "budget constant : c'est l'argument qu'un rapport présenté en 2014 à l'Assemblée des "
                        "départements de France avançait pour en faire des plateformes d'expérimentation.",
                        "Départements, mainly in charge of social policy, have to do more on flat budgets: a "
                        "report presented in 2014 to the Assembly of French Départements used this argument to "
                        "make them platforms for experimentation.",
                    )
                ],
            )
        ],
        "last_verified": VERIFIED,
    },
    {
        "key": "loire-atlantique",
        "slug": T("departement-de-loire-atlantique", "loire-atlantique-departement"),
        "title": T("Laboratoire d'innovation de Loire-Atlantique", "Loire-Atlantique innovation lab"),
        "initials": "44",
        "summary": T(
            "Démarche d'innovation publique du conseil départemental de Loire-Atlantique, citée en 2017 avec "
            "celle du Val-d'Oise parmi les exemples français.",
            "The public innovation effort of the Loire-Atlantique departmental council, cited in 2017 with "
            "Val-d'Oise's among the French examples.",
        ),
        "host_institution": "Conseil départemental de Loire-Atlantique",
        "institution_type": "departement",
        "government_level": "departmental",
        "country": "FR",
        "region": "Pays de la Loire",
        "city": "Nantes",
        "latitude": Decimal("47.218400"),
        "longitude": Decimal("-1.553600"),
        "status": "active",
        "methods": ["co-construction", "design-de-services"],
        "description": [
            (
                T("Un laboratoire au sein du département", "A lab inside the département"),
                [
                    T(
                        "Les sources la mentionnent sans en détailler les projets ; elle fait partie des "
                        "équipes internes qui expérimentent à l'échelle d'un département.",
                        "The sources mention it without describing its projects; it is one of the in-house "
                        "teams experimenting at the scale of a département.",
                    )
                ],
            )
        ],
        "last_verified": VERIFIED,
    },
]
