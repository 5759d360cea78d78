"""What an email says of a practice: its title, summary and full address (read once)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PracticeLink:
    pk: int
    translation_key: str
    title: str
    summary: str
    url: str
    language: str


def practice_link(practice) -> PracticeLink:
    return PracticeLink(
        practice.pk,
        str(practice.translation_key),
        practice.title,
        practice.summary,
        practice.get_full_url(),
        practice.locale.language_code,
    )
