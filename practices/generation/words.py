"""The words generated labs and practices are written with, read from ``words.json`` beside this module."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import NamedTuple

WORDS_FILE = Path(__file__).with_name("words.json")


class Pair(NamedTuple):
    """The same thing in French and in English."""

    fr: list[str] | str
    en: list[str] | str


@dataclass(frozen=True)
class Words:
    themes: dict[str, Pair]  # by policy area slug
    other_theme: Pair  # for a policy area without a theme of its own
    actions: Pair  # the verb a title starts with, at the same position in both languages
    filler: Pair
    cities: list[str]
    countries: list[str]
    practice_title: Pair  # templates: {action} {theme} {city} {number}
    lab: dict  # templates of a lab's title, summary (Pair) and host institution: {number} {city}
    indexes: dict  # title and slug of the labs' and the practices' index pages

    def theme(self, slug: str) -> Pair:
        return self.themes.get(slug, self.other_theme)


def pair(value: dict) -> Pair:
    return Pair(value["fr"], value["en"])


@cache
def load_words() -> Words:
    data = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
    return Words(
        themes={slug: pair(theme) for slug, theme in data["themes"].items()},
        other_theme=pair(data["other_theme"]),
        actions=pair(data["actions"]),
        filler=pair(data["filler"]),
        cities=data["cities"],
        countries=data["countries"],
        practice_title=pair(data["practice_title"]),
        lab={**data["lab"], "summary": pair(data["lab"]["summary"])},
        indexes=data["indexes"],
    )
