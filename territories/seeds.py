"""The default competence rules (``competence_rules.json``), added where missing."""

import json
from pathlib import Path

from taxonomy.models import PolicyArea
from territories.models import CompetenceRule

RULES_FILE = Path(__file__).with_name("competence_rules.json")


def default_rules() -> dict[str, dict[str, str]]:
    """policy area slug -> {level: note}."""
    data = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    return {slug: levels for slug, levels in data.items() if not slug.startswith("_")}


def seed_rules(policy_area_model, rule_model) -> int:
    """Add the default rules that are missing (models passed in, so migrations can use it)."""
    areas = {area.slug: area for area in policy_area_model.objects.all()}
    existing = set(rule_model.objects.values_list("policy_area__slug", "level"))
    missing = [
        rule_model(policy_area=areas[slug], level=level, note=note)
        for slug, levels in default_rules().items()
        if slug in areas
        for level, note in levels.items()
        if (slug, level) not in existing
    ]
    rule_model.objects.bulk_create(missing)
    return len(missing)


def ensure_competence_rules() -> int:
    return seed_rules(PolicyArea, CompetenceRule)
