"""The facet index also covers the practice's reference territory: "closest to my territory"
reads it for every candidate without touching the wide practice rows."""

from django.db import migrations

BEFORE = "page_ptr_id, lifecycle_stage, evidence_level, legal_competence, budget_range, country, start_year, last_verified"
COLUMNS = f"{BEFORE}, reference_territory_id"


def recreate(columns):
    def run(apps, schema_editor):
        table = apps.get_model("practices", "PracticePage")._meta.db_table
        schema_editor.execute("DROP INDEX IF EXISTS search_practice_facets")
        schema_editor.execute(f"CREATE INDEX search_practice_facets ON {table} ({columns})")

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_page_scope_index_with_dates"),
        ("practices", "0005_practicepage_reference_territory_and_more"),
    ]

    operations = [migrations.RunPython(recreate(COLUMNS), recreate(BEFORE))]
