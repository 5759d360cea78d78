"""The steps of the guided submission, read from ``steps.yaml`` (titles, help and worked
examples in French and English side by side)."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings
from django.utils import translation

STEPS_FILE = Path(__file__).with_name("steps.yaml")


@dataclass(frozen=True)
class Step:
    slug: str
    fields: tuple[str, ...]
    texts: dict
    files: bool = False

    def text(self, key: str) -> str:
        """``key`` (title, help, example) in the active language, else the site's default."""
        texts = self.texts[key]
        language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        return texts.get(language) or texts[settings.LANGUAGE_CODE]

    @property
    def title(self) -> str:
        return self.text("title")

    @property
    def help(self) -> str:
        return self.text("help")

    @property
    def example(self) -> str:
        return self.text("example")


@cache
def steps() -> tuple[Step, ...]:
    raw = yaml.safe_load(STEPS_FILE.read_text(encoding="utf-8"))
    return tuple(
        Step(
            slug=item["slug"],
            fields=tuple(item["fields"]),
            texts={key: item[key] for key in ("title", "help", "example")},
            files=bool(item.get("files")),
        )
        for item in raw
    )


def step_named(slug: str) -> Step | None:
    return next((step for step in steps() if step.slug == slug), None)


def neighbours(step: Step) -> tuple[Step | None, Step | None]:
    ordered = steps()
    index = ordered.index(step)
    return (ordered[index - 1] if index else None, ordered[index + 1] if index + 1 < len(ordered) else None)
