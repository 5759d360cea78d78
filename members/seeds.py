"""The first public body domains (public_body_domains.json), read by the data migration and by
``ensure_public_body_domains`` (tests that flush the database put them back)."""

import json
from pathlib import Path

SEED_FILE = Path(__file__).with_name("public_body_domains.json")


def seed(model) -> int:
    """Create the missing seeded domains with ``model`` (the migration's historical model or the
    real one); the network team's edits and deletions of other domains are left alone."""
    created = 0
    for entry in json.loads(SEED_FILE.read_text(encoding="utf-8")):
        created += model.objects.get_or_create(pattern=entry["pattern"], defaults={"note": entry["note"]})[1]
    return created


def ensure_public_body_domains() -> int:
    from members.models import PublicBodyDomain  # reason: migrations import this module before the registry

    return seed(PublicBodyDomain)
