"""PostgreSQL only: the title and body vectors of Wagtail's index entries are kept in
their rows (storage ``MAIN``), the plain texts go to the TOAST table first.

With the default storage, an entry's plain texts (``title_text``, ``body_text``) and its
body vector made rows too wide for a page, and PostgreSQL moved the body vector, the
largest, out of the row: ranking read it back from the TOAST table, one index look-up per
entry. Measured at 100,000 practices for "projet" (99,895 results, ``ts_rank`` of every
result, ``tests/bench/search_fresh_bench.py``'s data): reading the body vectors 1,100 ms
-> 630 ms, the ranking statement about 400 -> 215 ms.

The rows are rewritten so that existing entries move back, then the table compacted
(``VACUUM FULL``, which locks it: about 25 s at 100,000 practices); entries written later follow the storage by themselves.
Other databases: nothing to do.
"""

from django.db import migrations

VECTORS = ("title", "body")


def storage(kind: str, rewrite: bool):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = schema_editor.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
        columns = ", ".join(f"ALTER COLUMN {column} SET STORAGE {kind}" for column in VECTORS)
        schema_editor.execute(f"ALTER TABLE {table} {columns}")
        if rewrite:  # a new value (the same vector) is stored again, with the new storage
            values = ", ".join(f"{column} = {column} || ''::tsvector" for column in VECTORS)
            schema_editor.execute(f"UPDATE {table} SET {values}")  # noqa: S608 (names from code)
            # The old versions would stay as dead space in the table, which ranking reads through.
            schema_editor.execute(f"VACUUM FULL ANALYZE {table}")

    return run


class Migration(migrations.Migration):
    atomic = False  # VACUUM cannot run in a transaction

    dependencies = [
        ("search", "0006_practice_facet_index_with_territory"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(storage("MAIN", rewrite=True), storage("EXTENDED", rewrite=False))]
