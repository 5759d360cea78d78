"""What a generated lab or practice says: title, texts, facts and terms, drawn from the words.

Every draw goes through one ``random.Random``, always in the same order, so that a seed
gives the same pages. A spec is what ``bulk_pages`` inserts: title, slug, model fields,
and for practices their terms, English version and publication date.
"""

from datetime import date, timedelta

from practices.choices import BudgetRange, EvidenceLevel, LegalCompetence, LifecycleStage
from practices.generation.words import Words

PREFIX = "gen-"  # the external_id (and slug) of everything generated starts with it
INSTITUTION_TYPES = ["region", "departement", "city", "intercommunality"]
GOVERNMENT_LEVELS = ["regional", "departmental", "municipal"]
THEME_SHARE = 0.15  # of a sentence's words drawn from the theme rather than the filler


class Writer:
    def __init__(self, rng, words: Words, terms: dict, now):
        self.rng = rng
        self.words = words
        self.terms = terms  # the vocabularies' terms, by relation name
        self.now = now

    def lab(self, number) -> dict:
        city = self.rng.choice(self.words.cities)
        lab = self.words.lab
        return {
            "title": lab["title"].format(number=number, city=city),
            "slug": f"gen-lab-{number}",
            "fields": {
                "summary": lab["summary"].fr.format(city=city),
                "host_institution": lab["host_institution"].format(city=city),
                "institution_type": self.rng.choice(INSTITUTION_TYPES),
                "government_level": self.rng.choice(GOVERNMENT_LEVELS),
                "country": self.rng.choice(self.words.countries),
                "city": city,
                "status": "active",
                "external_id": f"{PREFIX}lab-{number}",
            },
        }

    def english_lab(self, spec, translation_key) -> dict:
        summary = self.words.lab["summary"].en.format(city=spec["fields"]["city"])
        return {**spec, "translation_key": translation_key, "fields": {**spec["fields"], "summary": summary}}

    def practice(self, number) -> dict:
        rng, words = self.rng, self.words
        areas = rng.sample(self.terms["policy_areas"], rng.choice([1, 1, 2, 2, 3]))
        theme = words.theme(areas[0].slug)
        index = rng.randrange(len(theme.fr))
        action = rng.randrange(len(words.actions.fr))
        city = rng.choice(words.cities)
        title = words.practice_title.fr.format(
            action=words.actions.fr[action], theme=theme.fr[index], city=city, number=number
        )
        english_title = words.practice_title.en.format(
            action=words.actions.en[action], theme=theme.en[index], city=city, number=number
        )
        start = rng.randint(2008, 2024)
        extra = [word for area in areas[1:] if area.slug in words.themes for word in words.themes[area.slug].fr[:2]]
        fields = {
            **self.texts(title, words.filler.fr, theme.fr, extra),
            "territory_name": city,
            "country": rng.choice(words.countries),
            "lifecycle_stage": rng.choice(LifecycleStage.values),
            "evidence_level": rng.choice(EvidenceLevel.values),
            "legal_competence": rng.choice(["", *LegalCompetence.values]),
            "budget_range": rng.choice(["", *BudgetRange.values]),
            "start_year": start,
            "last_verified": date(2025, 6, 1) - timedelta(days=rng.randrange(1500)),
            "external_id": f"{PREFIX}{number}",
        }
        english_fields = {**fields, **self.texts(english_title, words.filler.en, theme.en)}
        return {
            "title": title,
            "slug": f"gen-{number}",
            "fields": fields,
            "english": (english_title, english_fields),
            "terms": {
                "policy_areas": areas,
                "territory_types": rng.sample(self.terms["territory_types"], rng.choice([1, 1, 2])),
                "instruments": rng.sample(self.terms["instruments"], rng.choice([1, 2])),
                "methods": rng.sample(self.terms["methods"], 1) if self.terms["methods"] else [],
            },
            "published": self.now - timedelta(days=rng.randrange(2000), seconds=number),
        }

    def texts(self, title, filler, theme, extra=()) -> dict:
        """The summary and body sections; ``extra`` words (of the other policy areas) join the theme in two."""
        broad = theme + list(extra)
        return {
            "summary": f"{title}. " + self.sentence(filler, 20, broad),
            "problem": f"<p>{self.sentence(filler, 60, theme)}</p>",
            "actions": f"<p>{self.sentence(filler, 80, broad)}</p>",
            "results": f"<p>{self.sentence(filler, 50, theme)}</p>",
            "lessons": f"<p>{self.sentence(filler, 30, theme)}</p>",
        }

    def sentence(self, filler, length, theme) -> str:
        rng = self.rng
        words = [rng.choice(theme) if rng.random() < THEME_SHARE else rng.choice(filler) for _ in range(length)]
        return " ".join(words).capitalize() + "."
