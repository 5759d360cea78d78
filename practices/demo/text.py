"""Bilingual building blocks of the demo data.

Every translatable value is written once as ``T(french, english)``. ``localize`` turns
a whole structure (dicts, lists, rich text, stream blocks) into one language, so the
French page and its English twin come from the same data and line up segment by segment.
"""

import html
import uuid
from dataclasses import dataclass

FR, EN = "fr", "en"
LANGUAGES = (FR, EN)
ID_NAMESPACE = uuid.UUID("6f1d3c52-9a57-4c55-8f0e-6d0f4c1f7a21")


@dataclass(frozen=True)
class T:
    """A text in French and in English."""

    fr: str
    en: str

    def __call__(self, language: str) -> str:
        return self.fr if language == FR else self.en


@dataclass(frozen=True)
class Rich:
    """Rich text: each item is a paragraph (``T``) or a bulleted list (a list of ``T``)."""

    blocks: tuple

    def __call__(self, language: str) -> str:
        parts = []
        for block in self.blocks:
            if isinstance(block, list | tuple):
                items = "".join(f"<li>{_escape(item(language))}</li>" for item in block)
                parts.append(f"<ul>{items}</ul>")
            else:
                parts.append(f"<p>{_escape(block(language))}</p>")
        return "".join(parts)


def rich(*blocks) -> Rich:
    return Rich(tuple(blocks))


@dataclass(frozen=True)
class Lines:
    """A plain-text list, one item per line (prerequisites, core and adaptable elements)."""

    items: tuple

    def __call__(self, language: str) -> str:
        return "\n".join(item(language) for item in self.items)


def lines(*items) -> Lines:
    return Lines(tuple(items))


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def localize(value, language: str):
    """``value`` with every bilingual leaf replaced by its text in ``language``."""
    if isinstance(value, T | Rich | Lines):
        return value(language)
    if isinstance(value, dict):
        return {key: localize(item, language) for key, item in value.items()}
    if isinstance(value, list):
        return [localize(item, language) for item in value]
    return value


def stable_id(*parts) -> str:
    """The same UUID for the same parts, on every run: stream block ids and translation keys."""
    return str(uuid.uuid5(ID_NAMESPACE, ":".join(str(part) for part in parts)))


def stream(key: str, blocks: list) -> list:
    """Raw StreamField data with stable block ids: ``[(block_type, value), ...]``."""
    return [
        {"type": block_type, "value": value, "id": stable_id(key, index, block_type)}
        for index, (block_type, value) in enumerate(blocks)
    ]
