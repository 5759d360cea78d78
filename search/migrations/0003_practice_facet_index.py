"""A narrow covering index over the practice columns the search filters and counts on.

Practices are wide rows (whole case studies). Facet counts and filters read six small
columns for up to every practice; with this index they scan it instead of the table
(``search.services.facts`` names it on SQLite, whose planner would read the table rows).
The index lives with the search app because only the search needs it.
"""

from django.db import migrations

COLUMNS = "page_ptr_id, lifecycle_stage, evidence_level, legal_competence, budget_range, country, start_year, last_verified"


def create(apps, schema_editor):
    table = apps.get_model("practices", "PracticePage")._meta.db_table
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS search_practice_facets ON {table} ({COLUMNS})")


def drop(apps, schema_editor):
    schema_editor.execute("DROP INDEX IF EXISTS search_practice_facets")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_postgres_text_search"),
        ("practices", "0002_seed_vocabularies"),
    ]

    operations = [migrations.RunPython(create, drop)]
