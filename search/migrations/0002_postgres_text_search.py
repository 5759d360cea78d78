"""PostgreSQL only: per-language text search configurations and the GIN expression index.

- ``praxis_<code>`` copies PostgreSQL's configuration for the language (french,
  english, german...) and folds accents first (``unaccent``), so "sante" finds
  "Santé"; ``praxis_simple`` folds accents without stemming (autocomplete).
  All languages Praxis can enable are created, so PRAXIS_LANGUAGES can change
  without a migration.
- A GIN index on ``(title || body)`` of Wagtail's index entries: the database backend
  matches on that expression, which the per-column GIN indexes cannot serve.

Run ``manage.py update_index`` afterwards on an existing database, so entries are
rebuilt with the new configurations. Other databases: nothing to do.
"""

from django.db import migrations

CONFIGS = {
    "praxis_fr": ("french", "french_stem"),
    "praxis_en": ("english", "english_stem"),
    "praxis_de": ("german", "german_stem"),
    "praxis_es": ("spanish", "spanish_stem"),
    "praxis_it": ("italian", "italian_stem"),
    "praxis_da": ("danish", "danish_stem"),
    "praxis_nl": ("dutch", "dutch_stem"),
    "praxis_simple": ("simple", "simple"),
}
INDEX_NAME = "praxis_indexentry_title_body_gin"


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("SAVEPOINT praxis_unaccent")
        try:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
            cursor.execute("RELEASE SAVEPOINT praxis_unaccent")
            has_unaccent = True
        except Exception:  # no privilege to create it: configurations without accent folding
            cursor.execute("ROLLBACK TO SAVEPOINT praxis_unaccent")
            has_unaccent = False
        for name, (source, stemmer) in CONFIGS.items():
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{source})")
            if has_unaccent:
                cursor.execute(
                    f"ALTER TEXT SEARCH CONFIGURATION {name} "
                    f"ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part "
                    f"WITH unaccent, {stemmer}"
                )
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {table} USING gin ((title || body))")


def drop(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")
        for name in CONFIGS:
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_zero_result_searches"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
