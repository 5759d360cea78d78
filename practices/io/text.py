"""Small text helpers shared by the importer and the exporter."""

import re
import unicodedata

MULTI_SEPARATORS = ("|", ";")


def normalize(value) -> str:
    """Case-, accent- and spacing-insensitive form of a label, for matching."""
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.replace("’", "'").replace("_", "-")
    return " ".join(text.casefold().split())


def split_multi(value) -> list[str]:
    """Items of a multi-valued cell: a list (JSON) or text separated by ``|`` or, without ``|``, by ``;``."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(item).strip() for item in value if str(item).strip()]
    text = str(value)
    separator = "|" if "|" in text else ";"
    return [item.strip() for item in text.split(separator) if item.strip()]


def join_multi(items: list[str]) -> str:
    """The inverse of ``split_multi`` for a CSV cell (a lone item holding ``;`` keeps a trailing ``|``)."""
    text = " | ".join(items)
    if len(items) == 1 and ";" in items[0]:
        text += " |"
    return text


def split_pair(item, first: str, second: str) -> tuple[str, str]:
    """``"value: label"`` (or a JSON object) as a pair; the second part may be empty."""
    if isinstance(item, dict):
        return str(item.get(first) or "").strip(), str(item.get(second) or "").strip()
    head, _sep, tail = str(item).partition(":")
    return head.strip(), tail.strip()


def header_key(name) -> str:
    """A column header as a column name: ``"Policy areas"`` -> ``policy_areas``."""
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower())
