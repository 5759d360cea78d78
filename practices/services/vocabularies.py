"""The seeded vocabularies, restored on demand.

The seed data lives in the data migrations (the historical source of truth);
this runs their idempotent seed functions against the current models, for a
database that was emptied after migrating (a flushed test database, a reset).
"""

import importlib

from django.apps import apps

SEED_MIGRATIONS = ["labs.migrations.0002_seed_methods", "practices.migrations.0002_seed_vocabularies"]


def ensure_vocabularies() -> None:
    for module_name in SEED_MIGRATIONS:
        importlib.import_module(module_name).seed(apps, None)
