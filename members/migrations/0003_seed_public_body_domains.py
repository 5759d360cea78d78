"""The first public body domains: the State (every *.gouv.fr address) and a few local
authorities and public hospitals of the network. The network team edits the list in the admin."""

from django.db import migrations

SEED = [
    ("gouv.fr", "État"),
    ("*.gouv.fr", "Ministères et services de l'État"),
    ("valdoise.fr", "Département du Val-d'Oise"),
    ("loire-atlantique.fr", "Département de Loire-Atlantique"),
    ("gironde.fr", "Département de la Gironde"),
    ("strasbourg.eu", "Ville et Eurométropole de Strasbourg"),
    ("paris.fr", "Ville de Paris"),
    ("lille.fr", "Ville de Lille"),
    ("mulhouse-alsace.fr", "Mulhouse Alsace Agglomération"),
    ("dunkerque.fr", "Ville de Dunkerque"),
    ("nantesmetropole.fr", "Nantes Métropole"),
    ("laregion.fr", "Région Occitanie"),
    ("hauts-de-france.fr", "Région Hauts-de-France"),
    ("iledefrance.fr", "Région Île-de-France"),
    ("chru-strasbourg.fr", "Hôpitaux universitaires de Strasbourg"),
    ("*.chru-strasbourg.fr", "Hôpitaux universitaires de Strasbourg"),
    ("aphp.fr", "Assistance Publique – Hôpitaux de Paris"),
]


def seed(apps, schema_editor):
    PublicBodyDomain = apps.get_model("members", "PublicBodyDomain")
    for pattern, note in SEED:
        PublicBodyDomain.objects.get_or_create(pattern=pattern, defaults={"note": note})


def unseed(apps, schema_editor):
    apps.get_model("members", "PublicBodyDomain").objects.filter(pattern__in=[p for p, _ in SEED]).delete()


class Migration(migrations.Migration):
    dependencies = [("members", "0002_profile_trust_relay")]

    operations = [migrations.RunPython(seed, unseed)]
