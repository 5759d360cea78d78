"""The seed terms of every vocabulary, from one data file (``seed_terms.json``).

Read by the taxonomy data migration and by ``ensure_vocabularies`` (a database emptied
after migrating: a flushed test database, a reset). Seeding only adds missing slugs:
editors manage the terms in the admin afterwards.
"""

import json
from functools import cache
from pathlib import Path

from taxonomy import models as vocabularies

SEED_FILE = Path(__file__).with_name("seed_terms.json")
VOCABULARIES = ("PolicyArea", "TerritoryType", "Instrument", "Method")


@cache
def seed_terms() -> dict[str, list[dict]]:
    data = json.loads(SEED_FILE.read_text(encoding="utf-8"))
    return {name: data[name] for name in VOCABULARIES}


def seed(get_model) -> None:
    """Add the missing seed terms; ``get_model(name)`` gives a vocabulary's model (the
    historical one in a migration, the current one elsewhere)."""
    for name, terms in seed_terms().items():
        model = get_model(name)
        for order, term in enumerate(terms):
            model.objects.get_or_create(
                slug=term["slug"],
                defaults={
                    "name": term["name"]["fr"],
                    "description": term.get("description", {}).get("fr", ""),
                    "sort_order": order * 10,
                    "translations": {"en": {"name": term["name"]["en"], "description": ""}},
                },
            )


def ensure_vocabularies() -> None:
    seed(lambda name: getattr(vocabularies, name))
