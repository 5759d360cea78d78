from django.db import migrations

from territories.seeds import seed_rules


def seed(apps, schema_editor):
    seed_rules(apps.get_model("taxonomy", "PolicyArea"), apps.get_model("territories", "CompetenceRule"))


def byte_order_names(apps, schema_editor):
    """PostgreSQL: compare search names byte by byte (the "C" collation), so that a prefix
    search is a range of the index, as it is on SQLite."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            'ALTER TABLE territories_territory ALTER COLUMN search_name TYPE varchar(200) COLLATE "C"'
        )


class Migration(migrations.Migration):
    dependencies = [("territories", "0001_initial"), ("taxonomy", "0002_seed_terms")]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(byte_order_names, migrations.RunPython.noop),
    ]
