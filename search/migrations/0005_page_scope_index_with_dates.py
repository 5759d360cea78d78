"""The page-scope index also covers ``first_published_at``: the candidates query returns
it, so "newest first" is sorted without reading any wide row."""

from django.db import migrations

COLUMNS = "content_type_id, live, translation_key, locale_id, first_published_at"


def create(apps, schema_editor):
    table = apps.get_model("wagtailcore", "Page")._meta.db_table
    schema_editor.execute("DROP INDEX IF EXISTS search_page_translation_scope")
    schema_editor.execute(f"CREATE INDEX search_page_translation_scope ON {table} ({COLUMNS})")


def restore(apps, schema_editor):
    table = apps.get_model("wagtailcore", "Page")._meta.db_table
    schema_editor.execute("DROP INDEX IF EXISTS search_page_translation_scope")
    schema_editor.execute(
        f"CREATE INDEX search_page_translation_scope ON {table} (content_type_id, live, translation_key, locale_id)"
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0004_page_translation_scope_index")]

    operations = [migrations.RunPython(create, restore)]
