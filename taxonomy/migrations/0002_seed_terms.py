"""Seed the vocabularies from the one data file (taxonomy/seed_terms.json); only missing slugs
are added, so databases seeded by the earlier per-app migrations are left as they are."""

from django.db import migrations

from taxonomy.seeds import seed


def seed_terms(apps, schema_editor):
    seed(lambda name: apps.get_model("taxonomy", name))


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(seed_terms, migrations.RunPython.noop)]
