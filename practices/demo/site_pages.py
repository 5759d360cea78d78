"""The site skeleton: lab directory, practice index and the standard pages."""

from practices.demo.text import T, rich, stream

LAB_INDEX = {
    "slug": T("laboratoires", "labs"),
    "title": T("Laboratoires", "Labs"),
    "intro": T(
        "Des équipes d'innovation installées au sein de ministères, de collectivités, d'hôpitaux ou "
        "d'associations. Chaque fiche dit qui les porte, où elles travaillent, avec quelles méthodes, "
        "et ce qu'elles sont devenues.",
        "Innovation teams working inside ministries, local governments, hospitals and associations. "
        "Each entry says who hosts the lab, where it works, which methods it uses and what became of it.",
    ),
}

PRACTICE_INDEX = {
    "slug": T("pratiques", "practices"),
    "title": T("Pratiques inspirantes", "Inspiring practices"),
    "intro": T(
        "Des cas concrets décrits pour être réutilisés : le problème de départ, ce qui a été fait, les "
        "résultats, les difficultés rencontrées et une fiche de transposition pour estimer ce qu'il "
        "faudrait réunir chez vous.",
        "Real cases written up for reuse: the starting problem, what was done, the results, what went "
        "wrong, and a transposition sheet to estimate what your own territory would need.",
    ),
}


def about_page(figure_image_id):
    key = "page:about"
    return {
        "key": key,
        "slug": T("a-propos", "about"),
        "title": T("À propos de Praxis", "About Praxis"),
        "intro": T(
            "Praxis est la base de connaissances d'un réseau de laboratoires d'innovation publique : elle "
            "aide les agents d'autres collectivités à trouver, comparer et transposer ce qui a marché ailleurs.",
            "Praxis is the knowledge base of a network of public innovation labs: it helps staff of other "
            "local governments find, compare and adapt what has worked elsewhere.",
        ),
        "body": stream(
            key,
            [
                ("heading", {"text": T("Pourquoi une base de pratiques", "Why a base of practices"), "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        T(
                            "Beaucoup d'expériences locales restent connues de leurs seuls auteurs. Une "
                            "collectivité qui affronte un problème voisin repart alors de zéro, faute de "
                            "savoir ce qui a été essayé, à quel coût et avec quels écueils.",
                            "Many local experiments stay known only to the people who ran them. A local "
                            "government facing a similar problem then starts from scratch, because it cannot "
                            "tell what was tried, at what cost and with which pitfalls.",
                        ),
                        T(
                            "Praxis décrit chaque pratique selon la même trame, du problème de départ aux "
                            "leçons tirées, et lui associe une fiche de transposition : compétence juridique "
                            "requise, budget, temps de travail, durée, éléments à garder et éléments à adapter.",
                            "Praxis describes every practice along the same outline, from the starting problem "
                            "to the lessons learnt, and adds a transposition sheet: the legal competence "
                            "needed, budget, staff time, duration, what to keep and what to adapt.",
                        ),
                    ),
                ),
                (
                    "figure",
                    {
                        "image": {
                            "image": figure_image_id,
                            "decorative": False,
                            "alt_text": T(
                                "Schéma abstrait : des points reliés en anneau autour d'un centre commun.",
                                "Abstract diagram: dots linked in a ring around a shared centre.",
                            ),
                        },
                        "caption": T(
                            "Un réseau de laboratoires qui partagent leurs expériences.",
                            "A network of labs sharing what they learn.",
                        ),
                        "attribution": T("Illustration dessinée pour Praxis", "Illustration drawn for Praxis"),
                    },
                ),
                (
                    "heading",
                    {"text": T("D'où viennent les contenus", "Where the content comes from"), "level": "h2"},
                ),
                (
                    "paragraph",
                    rich(
                        T(
                            "Les fiches de démonstration ont été rédigées à partir d'articles publiés entre "
                            "2014 et 2024 : entretiens avec le délégué général de La 27e Région, dépêche de "
                            "l'agence AEF info, billets de blog sur l'innovation départementale et sur "
                            "l'innovation sociale dans les CCAS. Chaque fiche cite ses sources.",
                            "The demonstration entries were written from articles published between 2014 "
                            "and 2024: interviews with the managing director of La 27e Région, a news report "
                            "by the AEF info agency, and blog posts on innovation in départements and on "
                            "social innovation in municipal social action centres. Every entry cites its sources.",
                        ),
                        T(
                            "Les textes sont publiés sous licence Creative Commons BY 4.0, sauf mention "
                            "contraire sur la fiche.",
                            "The texts are published under the Creative Commons BY 4.0 licence unless the "
                            "entry says otherwise.",
                        ),
                    ),
                ),
            ],
        ),
    }


def legal_notice_page():
    key = "page:legal"
    return {
        "key": key,
        "slug": T("mentions-legales", "legal-notice"),
        "title": T("Mentions légales", "Legal notice"),
        "intro": T(
            "Qui publie ce site, sous quelle licence, et ce qu'il fait des données personnelles.",
            "Who publishes this site, under which licence, and what it does with personal data.",
        ),
        "body": stream(
            key,
            [
                ("heading", {"text": T("Éditeur", "Publisher"), "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        T(
                            "Ce site de démonstration est édité pour le réseau Praxis des laboratoires "
                            "d'innovation publique. Les coordonnées de l'éditeur et de l'hébergeur seront "
                            "complétées lors de la mise en production.",
                            "This demonstration site is published for the Praxis network of public "
                            "innovation labs. The publisher's and host's details will be added when the "
                            "site goes into production.",
                        )
                    ),
                ),
                ("heading", {"text": T("Licence des contenus", "Licence of the content"), "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        T(
                            "Les fiches sont réutilisables sous licence CC BY 4.0 en citant Praxis et les "
                            "sources indiquées. Les illustrations ont été dessinées par le projet.",
                            "Entries may be reused under the CC BY 4.0 licence, crediting Praxis and the "
                            "sources listed. The illustrations were drawn by the project.",
                        )
                    ),
                ),
                ("heading", {"text": T("Données personnelles", "Personal data"), "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        T(
                            "Les adresses électroniques des contacts ne sont visibles que des agents "
                            "connectés ; elles ne figurent ni dans les pages publiques, ni dans les exports. "
                            "Le site ne dépose pas de traceur publicitaire.",
                            "Contact email addresses are visible only to signed-in staff; they never appear "
                            "in public pages or exports. The site sets no advertising trackers.",
                        )
                    ),
                ),
            ],
        ),
    }


def accessibility_page():
    key = "page:accessibility"
    return {
        "key": key,
        "slug": T("accessibilite", "accessibility"),
        "title": T("Déclaration d'accessibilité", "Accessibility statement"),
        "intro": T(
            "Praxis vise la conformité au référentiel général d'amélioration de l'accessibilité (RGAA), version 4.1.",
            "Praxis aims to comply with the French accessibility standard RGAA (référentiel général "
            "d'amélioration de l'accessibilité), version 4.1.",
        ),
        "body": stream(
            key,
            [
                ("heading", {"text": T("État de conformité", "Compliance status"), "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        T(
                            "Aucun audit complet n'a encore été mené. En attendant ses résultats, le site "
                            "est déclaré non conforme au RGAA 4.1, comme le prévoit le référentiel.",
                            "No full audit has been carried out yet. Until its results are known, the site "
                            "is declared non-compliant with RGAA 4.1, as the standard requires.",
                        ),
                        T(
                            "L'équipe applique déjà les critères du référentiel lors de la conception : "
                            "structure des titres, textes alternatifs des images, contrastes, navigation au "
                            "clavier et langue des contenus.",
                            "The team already applies the standard's criteria while building the site: "
                            "heading structure, text alternatives for images, contrast, keyboard navigation "
                            "and the language of the content.",
                        ),
                    ),
                ),
                ("heading", {"text": T("Signaler un problème", "Report a problem"), "level": "h2"}),
                (
                    "paragraph",
                    rich(
                        T(
                            "Si un contenu vous est inaccessible, signalez-le à l'équipe du réseau : une "
                            "version accessible vous sera proposée. Sans réponse satisfaisante, vous pouvez "
                            "saisir le Défenseur des droits.",
                            "If some content is not accessible to you, tell the network's team and you will "
                            "be offered an accessible version. If the answer does not satisfy you, you can "
                            "refer the matter to the Défenseur des droits (the French rights ombudsman).",
                        )
                    ),
                ),
            ],
        ),
    }
