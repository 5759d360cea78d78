"""The first public body domains: the State (every *.gouv.fr address) and a few local
authorities and public hospitals of the network (members/public_body_domains.json). The network
team edits the list in the admin."""

from django.db import migrations

from members.seeds import seed


def seed_domains(apps, schema_editor):
    seed(apps.get_model("members", "PublicBodyDomain"))


class Migration(migrations.Migration):
    dependencies = [("members", "0002_profile_trust_relay")]

    operations = [migrations.RunPython(seed_domains, migrations.RunPython.noop)]
