"""A narrow covering index for "one page per translation group, in the reader's language"
(``search.services.scope.readable_pages``): the search reads the page type, live flag,
translation key and locale of every candidate; with this index it does not read the
wide page rows. On Wagtail's page table, created by the search app that needs it."""

from django.db import migrations

COLUMNS = "content_type_id, live, translation_key, locale_id"


def create(apps, schema_editor):
    table = apps.get_model("wagtailcore", "Page")._meta.db_table
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS search_page_translation_scope ON {table} ({COLUMNS})")


def drop(apps, schema_editor):
    schema_editor.execute("DROP INDEX IF EXISTS search_page_translation_scope")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_practice_facet_index"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
