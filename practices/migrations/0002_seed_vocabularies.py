"""Seed the practice vocabularies with French public-sector terms (English labels too).

Editors manage them in the admin afterwards; this only adds missing slugs.
"""

from django.db import migrations

POLICY_AREAS = [
    ("action-sociale", "Action sociale", "Social action", "Aides sociales, insertion, accompagnement des personnes."),
    ("logement", "Logement", "Housing", "Accès au logement, habitat, hébergement."),
    ("renovation-energetique", "Rénovation énergétique", "Energy renovation", "Rénovation des logements et bâtiments, aides à la rénovation."),
    ("culture-bibliotheques", "Culture et bibliothèques", "Culture and libraries", "Lecture publique, médiathèques, pratiques culturelles."),
    ("mobilite", "Mobilité", "Mobility", "Transports, déplacements, mobilités douces."),
    ("developpement-economique", "Développement économique", "Economic development", "Soutien aux entreprises, emploi, économie locale."),
    ("sante-hopitaux", "Santé et hôpitaux", "Health and hospitals", "Soins, accueil hospitalier, prévention."),
    ("rh-management", "RH et management", "HR and management", "Organisation du travail, conditions de travail des agents, management."),
    ("transition-ecologique", "Transition écologique", "Ecological transition", "Climat, biodiversité, sobriété, nature en ville."),
    ("democratie-participation", "Démocratie et participation", "Democracy and participation", "Participation citoyenne, concertation, gouvernance partagée."),
    ("education-jeunesse", "Éducation et jeunesse", "Education and youth", "Écoles, collèges, politiques de jeunesse."),
    ("espace-public", "Espace public", "Public space", "Aménagement, gestion et entretien des espaces publics."),
    ("administration-numerique", "Administration et numérique", "Administration and digital services", "Relation aux usagers, démarches, outils numériques."),
]

TERRITORY_TYPES = [
    ("rural", "Rural", "Rural", "Communes et intercommunalités peu denses."),
    ("periurbain", "Périurbain", "Peri-urban", "Couronnes des aires urbaines."),
    ("urbain", "Urbain", "Urban", "Villes moyennes et pôles urbains."),
    ("metropolitain", "Métropolitain", "Metropolitan", "Métropoles et grandes agglomérations."),
    ("outre-mer", "Outre-mer", "Overseas", "Départements, régions et collectivités d'outre-mer."),
    ("transfrontalier", "Transfrontalier", "Cross-border", "Territoires de part et d'autre d'une frontière."),
    ("montagne", "Montagne", "Mountain", "Territoires de montagne."),
    ("littoral", "Littoral", "Coastal", "Communes littorales."),
    ("regional", "Régional", "Regional", "Échelle d'une région entière."),
    ("departemental", "Départemental", "Departmental", "Échelle d'un département entier."),
]

INSTRUMENTS = [
    ("subvention", "Subvention", "Subsidy", "Aide financière attribuée à un porteur de projet."),
    ("appel-a-projets", "Appel à projets", "Call for projects", "Sélection de projets sur un cahier des charges."),
    ("commande-publique", "Commande publique", "Public procurement", "Marchés publics, achats innovants."),
    ("convention", "Convention", "Agreement", "Convention de partenariat ou d'objectifs."),
    ("reglementation", "Réglementation", "Regulation", "Règlement, délibération, norme locale."),
    ("residence", "Résidence", "Residency", "Équipe pluridisciplinaire en résidence dans un territoire."),
    ("laboratoire-interne", "Laboratoire interne", "Internal lab", "Équipe d'innovation au sein de l'administration."),
    ("enquete-participative", "Enquête participative", "Participatory inquiry", "Enquête menée avec les usagers et les agents."),
    ("experimentation", "Expérimentation", "Experimentation", "Essai limité dans le temps et l'espace, évalué."),
    ("formation", "Formation", "Training", "Formation-action des agents et des élus."),
]


def seed(apps, schema_editor):
    for model_name, rows in [
        ("PolicyArea", POLICY_AREAS),
        ("TerritoryType", TERRITORY_TYPES),
        ("Instrument", INSTRUMENTS),
    ]:
        model = apps.get_model("practices", model_name)
        for order, (slug, name, english, description) in enumerate(rows):
            model.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "description": description,
                    "sort_order": order * 10,
                    "translations": {"en": {"name": english, "description": ""}},
                },
            )


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
