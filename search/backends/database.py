"""``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}``

Picks the Praxis subclass of Wagtail's database backend for the default database:
SQLite FTS5 or PostgreSQL full text; anything else gets Wagtail's own choice.
"""

from django.db import connection


def SearchBackend(params):  # noqa: N802 (the name modelsearch looks for)
    if connection.vendor == "postgresql":
        from search.backends.postgres import PraxisPostgresSearchBackend  # loaded only for its vendor

        return PraxisPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

        if fts5_available() and fts_table_exists():
            from search.backends.sqlite import PraxisSQLiteSearchBackend  # loaded only for its vendor

            return PraxisSQLiteSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as StockBackend

    return StockBackend(params)
