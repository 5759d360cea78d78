"""The seed articles the demo content is drawn from, as SourceBlock values.

Titles stay in their original French in both languages: they identify a publication.
"""

from practices.demo.text import T


def _source(title, publisher: T, date=None, url=""):
    return {"title": T(title, title), "url": url, "publisher": publisher, "date": date}


AEF_TRANSFO = _source(
    "Innovation publique : « Il est temps de mettre fin à la culture planificatrice » "
    "(délégué général de la 27e région)",
    T("AEF info, dépêche n° 578740 (2018)", "AEF info, news report no. 578740 (2018)"),
)
ESS_INTERVIEW = _source(
    "L'ESS : une opportunité d'innovation sociale au sein des collectivités territoriales ?",
    T(
        "Entretien avec Stéphane Vincent, La 27e Région (octobre 2017)",
        "Interview with Stéphane Vincent, La 27e Région (October 2017)",
    ),
)
PLEIN_SENS_DEPARTEMENTS = _source(
    "L'innovation départementale, pour des territoires pas si ringards",
    T("Blog du hub Plein Sens", "Plein Sens hub blog"),
    date="2014-12-15",
)
QUINZE_MARCHES_27E = _source(
    "Comment transformer les politiques publiques : l'exemple de la 27e Région",
    T(
        "15marches, lettre de Stéphane Schultz n° 243 (2024)",
        "15marches, Stéphane Schultz's newsletter no. 243 (2024)",
    ),
)
CCAS_BLOG = _source(
    "Osez l'innovation sociale dans les politiques territoriales",
    T(
        "Billet de blog sur la journée de l'UNCCAS « Innovation sociale et action publique locale »",
        "Blog post on the UNCCAS day “Social innovation and local public action”",
    ),
)
LEZOUX_DELIVERABLE = _source(
    "Les nouveaux usages de la médiathèque",
    T("La 27e Région, livrable du projet de Lezoux", "La 27e Région, deliverable of the Lezoux project"),
)
VULBEAU_MAITRISE_USAGE = _source(
    "La maîtrise d'usage, entre ingénierie participative et travail avec autrui",
    T("Alain Vulbeau (extrait de livre)", "Alain Vulbeau (book excerpt)"),
)
SITE_27E = _source(
    "La 27e Région",
    T("Site de l'association", "The association's website"),
    url="https://www.la27eregion.fr/",
)
