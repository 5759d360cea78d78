"""Turn demo data into field values for a page, in French or in English.

Every field a page type receives is listed here with its empty value, so that running
the loader again also clears a value that was removed from the data.
"""

from decimal import Decimal

from practices.demo.text import localize, stable_id, stream

LAB_FIELDS = {
    "title": "",
    "slug": "",
    "acronym": "",
    "summary": "",
    "host_institution": "",
    "institution_type": "",
    "government_level": "",
    "country": "",
    "region": "",
    "city": "",
    "latitude": None,
    "longitude": None,
    "founded_year": None,
    "closed_year": None,
    "status": "active",
    "status_reason": "",
    "website": "",
    "team_size": None,
    "contact_name": "",
    "contact_role": "",
    "last_verified": None,
}

PROGRAMME_FIELDS = {
    "title": "",
    "slug": "",
    "summary": "",
    "start_year": None,
    "end_year": None,
    "territories": "",
    "website": "",
}

PRACTICE_FIELDS = {
    "title": "",
    "slug": "",
    "summary": "",
    "problem": "",
    "actions": "",
    "results": "",
    "challenges": "",
    "success_conditions": "",
    "lessons": "",
    "lifecycle_stage": "experimentation",
    "start_year": None,
    "end_year": None,
    "evidence_level": "self_declared",
    "territory_name": "",
    "country": "FR",
    "population": None,
    "latitude": None,
    "longitude": None,
    "legal_competence": "",
    "budget_range": "",
    "staff_time": "",
    "duration": "",
    "prerequisites": "",
    "core_elements": "",
    "adaptable_elements": "",
    "contact_name": "",
    "contact_role": "",
    "licence": "CC-BY-4.0",
    "last_verified": None,
}

PRACTICE_RELATIONS = ("policy_areas", "territory_types", "instruments", "methods", "labs")


def pick(data: dict, defaults: dict) -> dict:
    values = {name: data.get(name, empty) for name, empty in defaults.items()}
    for name in ("latitude", "longitude"):
        if name in values and values[name] is not None:
            values[name] = Decimal(str(values[name]))
    return values


def lab_values(lab: dict, description, logo) -> dict:
    return {**pick(lab, LAB_FIELDS), "description": description, "logo": logo}


def programme_values(programme: dict, description, funders) -> dict:
    return {**pick(programme, PROGRAMME_FIELDS), "description": description, "funders": funders}


def practice_values(practice: dict, programme_page) -> dict:
    key = practice["key"]
    return {
        **pick(practice, PRACTICE_FIELDS),
        "programme": programme_page,
        "key_figures": stream(f"practice:{key}:key_figures", practice.get("key_figures", [])),
        "partners": stream(f"practice:{key}:partners", practice.get("partners", [])),
        "sources": stream(f"practice:{key}:sources", [("source", source) for source in practice.get("sources", [])]),
    }


def transposition_rows(practice: dict, practices_by_key: dict) -> list[dict]:
    rows = []
    for link in practice.get("transposed_from", []):
        source = practices_by_key.get(link["source"])
        if source is None:
            raise ValueError(f"{practice['key']}: load the original practice {link['source']!r} first")
        rows.append(
            {
                "translation_key": stable_id("transposition", practice["key"], link["source"]),
                "source": source,
                "what_changed": link["what_changed"],
                "outcome": link.get("outcome", "ongoing"),
                "result": link.get("result", ""),
            }
        )
    return rows


def in_language(values: dict, language: str) -> dict:
    return {name: localize(value, language) for name, value in values.items()}
