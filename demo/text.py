"""The bilingual values of the data files, turned into one language.

A translatable value is written ``{fr: ..., en: ...}``; any other value is the same in both
languages. Rich text is a list of paragraphs and ``{bullets: [...]}`` lists; a plain-text
list (prerequisites, territories...) is a list of lines. The French page and its English
translation come from the same data, so they line up segment by segment.
"""

import html
import uuid

FR, EN = "fr", "en"
LANGUAGES = (FR, EN)
ID_NAMESPACE = uuid.UUID("6f1d3c52-9a57-4c55-8f0e-6d0f4c1f7a21")


def is_bilingual(value) -> bool:
    return isinstance(value, dict) and value.keys() == set(LANGUAGES)


def localize(value, language: str):
    """``value`` with every ``{fr, en}`` pair replaced by its text in ``language``."""
    if is_bilingual(value):
        return value[language]
    if isinstance(value, dict):
        return {key: localize(item, language) for key, item in value.items()}
    if isinstance(value, list):
        return [localize(item, language) for item in value]
    return value


def rich_text(items: list, language: str) -> str:
    """HTML for a list of paragraphs and ``{bullets: [...]}`` lists."""
    parts = []
    for item in items:
        if isinstance(item, dict) and "bullets" in item:
            bullets = "".join(f"<li>{_escape(localize(bullet, language))}</li>" for bullet in item["bullets"])
            parts.append(f"<ul>{bullets}</ul>")
        else:
            parts.append(f"<p>{_escape(localize(item, language))}</p>")
    return "".join(parts)


def lines(items: list, language: str) -> str:
    """A plain-text list, one item per line."""
    return "\n".join(localize(item, language) for item in items)


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def stable_id(*parts) -> str:
    """The same UUID for the same parts, on every run: stream block ids and translation keys."""
    return str(uuid.uuid5(ID_NAMESPACE, ":".join(str(part) for part in parts)))


def stream(key: str, blocks: list) -> list:
    """Raw StreamField data with stable block ids: ``[(block_type, value), ...]``."""
    return [
        {"type": block_type, "value": value, "id": stable_id(key, index, block_type)}
        for index, (block_type, value) in enumerate(blocks)
    ]
