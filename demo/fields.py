"""Turn an item of the data files into the field values of its page, in one language.

Every field a page type receives from its file is listed here with its empty value, so that
running the loader again also clears a value that was removed from a file. The other keys a
file may hold (relations, images, links) are listed beside them; any other key is an error.
"""

from decimal import Decimal

from django.db import models
from wagtail.fields import RichTextField

from demo.catalogue import DemoDataError
from demo.text import lines, localize, rich_text, stable_id, stream
from territories.lookup import UnknownCode, by_code

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
    "territory_override_reason": "",
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
    "territory_override_reason": "",
}

INDEX_PAGE_FIELDS = {"title": "", "slug": "", "intro": "", "show_in_menus": False}
STANDARD_PAGE_FIELDS = {"title": "", "slug": "", "intro": ""}

PRACTICE_TAXONOMIES = ("policy_areas", "territory_types", "instruments", "methods")
OTHER_KEYS = {
    "pages": {"key", "type", "body"},
    "labs": {"key", "methods", "logo", "description", "territory_code"},
    "programmes": {"key", "parent_lab", "labs", "funders", "description"},
    "practices": {
        "key",
        "live",
        "restricted",
        *PRACTICE_TAXONOMIES,
        "labs",
        "programme",
        "key_figures",
        "partners",
        "sources",
        "transposed_from",
        "territory_code",
    },
}


def reference_territory_id(item: dict) -> int | None:
    """The reference territory a file names by ``territory_code``, when the reference is
    loaded (``manage.py load_territories``); without it, no link."""
    code = item.get("territory_code")
    if not code:
        return None
    try:
        return by_code(str(code)).pk
    except UnknownCode:
        return None


def check_keys(kind: str, item: dict, fields: dict):
    unknown = sorted(set(item) - set(fields) - OTHER_KEYS[kind])
    if unknown:
        raise DemoDataError(f"{kind}/{item['key']}.yaml: unknown keys {unknown}")


def field_values(model, item: dict, fields: dict, language: str) -> dict:
    """``fields`` of ``model`` from ``item`` in ``language``; a missing one gets its empty value."""
    values = {}
    for name, empty in fields.items():
        value = item.get(name, empty)
        model_field = model._meta.get_field(name)
        if isinstance(model_field, RichTextField) and isinstance(value, list):
            value = rich_text(value, language)
        elif isinstance(value, list):
            value = lines(value, language)
        elif isinstance(model_field, models.DecimalField) and value is not None:
            value = Decimal(str(value))
        else:
            value = localize(value, language)
        values[name] = value
    return values


def sections(key: str, items: list, language: str, image_id) -> list:
    """A body StreamField: each section's heading, its paragraphs, then its figure if it has one.

    ``image_id(recipe)`` gives the id of the image drawn from a figure's recipe.
    """
    blocks = []
    for section in items:
        blocks.append(("heading", {"text": localize(section["heading"], language), "level": "h2"}))
        if section.get("paragraphs"):
            blocks.append(("paragraph", rich_text(section["paragraphs"], language)))
        if figure := section.get("figure"):
            image = {"image": image_id(figure["image"]), "decorative": False, "alt_text": figure["alt_text"]}
            block = {"image": image, "caption": figure.get("caption", ""), "attribution": figure.get("attribution", "")}
            blocks.append(("figure", localize(block, language)))
    return stream(key, blocks)


def blocks_of(model, name: str, key: str, values: list, language: str) -> list:
    """A StreamField that holds one block type (key figures, partners, funders, sources)."""
    (block_type,) = model._meta.get_field(name).stream_block.child_blocks
    return stream(key, [(block_type, localize(value, language)) for value in values])


def lab_values(model, lab: dict, language: str, logo, image_id) -> dict:
    description = sections(f"lab:{lab['key']}:description", lab.get("description", []), language, image_id)
    return {
        **field_values(model, lab, LAB_FIELDS, language),
        "description": description,
        "logo": logo,
        "reference_territory_id": reference_territory_id(lab),
    }


def programme_values(model, programme: dict, language: str, image_id) -> dict:
    key = programme["key"]
    return {
        **field_values(model, programme, PROGRAMME_FIELDS, language),
        "description": sections(f"programme:{key}:description", programme.get("description", []), language, image_id),
        "funders": blocks_of(model, "funders", f"programme:{key}:funders", programme.get("funders", []), language),
    }


def practice_values(model, practice: dict, language: str, programme_page, sources: dict) -> dict:
    key = practice["key"]
    cited = []
    for source in practice.get("sources", []):
        if source not in sources:
            raise DemoDataError(f"practices/{key}.yaml: no source {source!r} in sources.yaml")
        cited.append(sources[source])
    return {
        **field_values(model, practice, PRACTICE_FIELDS, language),
        "reference_territory_id": reference_territory_id(practice),
        "programme": programme_page,
        **{
            name: blocks_of(model, name, f"practice:{key}:{name}", values, language)
            for name, values in (
                ("key_figures", practice.get("key_figures", [])),
                ("partners", practice.get("partners", [])),
                ("sources", cited),
            )
        },
    }


def page_values(model, page: dict, fields: dict, language: str, image_id) -> dict:
    """A site page's fields, and its body (sections) when its type has one."""
    values = field_values(model, page, fields, language)
    if any(field.name == "body" for field in model._meta.get_fields()):
        values["body"] = sections(f"page:{page['key']}", page.get("body", []), language, image_id)
    return values


def transposition_rows(practice: dict, practices_by_key: dict, language: str) -> list[dict]:
    rows = []
    for link in practice.get("transposed_from", []):
        source = practices_by_key.get(link["source"])
        if source is None:
            raise DemoDataError(
                f"practices/{practice['key']}.yaml: load the original practice {link['source']!r} first "
                "(list it before in catalogue.yaml)"
            )
        rows.append(
            {
                "translation_key": stable_id("transposition", practice["key"], link["source"]),
                "source": source,
                "what_changed": localize(link["what_changed"], language),
                "outcome": link.get("outcome", "ongoing"),
                "result": localize(link.get("result", ""), language),
            }
        )
    return rows
