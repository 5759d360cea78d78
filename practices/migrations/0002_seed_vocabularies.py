"""The vocabularies were seeded here; the terms now come from one data file, seeded by the
taxonomy app's migration 0002 (kept so that the migration graph stays the same)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]

    operations = []
