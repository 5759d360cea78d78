"""``manage.py generate_practices``: the same pages for the same seed, with progress on the way."""

import io

from django.core.management import call_command
from django.db import transaction

from labs.models import LabPage
from practices.generation.words import load_words
from practices.models import PracticePage

RELATIONS = ("policy_areas", "territory_types", "instruments", "methods", "labs")


def slugs(related) -> list[str]:
    return sorted(item.slug for item in related.all())


def generate(count, **options) -> tuple[dict, str]:
    """What ``generate_practices`` makes (rolled back afterwards) and what it prints."""
    out = io.StringIO()
    with transaction.atomic():
        call_command("generate_practices", count, stdout=out, **options)
        practices = PracticePage.objects.filter(external_id__startswith="gen-").order_by("url_path")
        labs = LabPage.objects.filter(external_id__startswith="gen-").order_by("url_path")
        made = {
            "practices": [
                {
                    "language": page.locale.language_code,
                    "url_path": page.url_path,
                    "title": page.title,
                    "summary": page.summary,
                    "problem": page.problem,
                    "facts": (page.country.code, page.lifecycle_stage, page.start_year, page.last_verified),
                    "terms": [slugs(getattr(page, relation)) for relation in RELATIONS],
                }
                for page in practices
            ],
            "labs": [
                (lab.locale.language_code, lab.url_path, lab.title, lab.summary, slugs(lab.methods)) for lab in labs
            ],
        }
        transaction.set_rollback(True)
    return made, out.getvalue()


def test_the_same_seed_gives_the_same_practices_and_labs(home):
    first, _ = generate(9, labs=2, translated=0.5, seed=3, no_index=True)
    again, _ = generate(9, labs=2, translated=0.5, seed=3, no_index=True)
    other, _ = generate(9, labs=2, translated=0.5, seed=4, no_index=True)

    assert first == again
    assert [page["title"] for page in first["practices"]] != [page["title"] for page in other["practices"]]
    languages = [page["language"] for page in first["practices"]]
    assert languages.count("fr") == 9 and "en" in languages
    assert len(first["labs"]) == 4  # two labs, in French and English


def test_it_prints_its_progress(home):
    _made, printed = generate(12, labs=3, translated=0.5)

    lines = printed.splitlines()
    assert lines[0] == "Labs: 3 created, 3 in all"
    assert "Practices: 12/12" in lines
    assert any(line.startswith("Search index, practice pages: ") for line in lines)
    assert lines[-1].endswith("; 12 generated practices in all.")


def test_quiet_at_verbosity_zero(home):
    _made, printed = generate(4, labs=2, verbosity=0)

    assert printed.splitlines() == ["4 practice pages created; 4 generated practices in all."]


def test_titles_and_texts_are_written_with_the_words_file(home):
    made, _ = generate(6, labs=2, translated=0, seed=5, no_index=True)

    words = load_words()
    themes = [*words.themes.values(), words.other_theme]
    vocabulary = {word.lower() for theme in themes for phrase in theme.fr for word in phrase.split()}
    vocabulary |= {word.lower() for word in words.filler.fr}
    for page in made["practices"]:
        assert page["title"].split()[0] in words.actions.fr
        assert page["summary"].startswith(f"{page['title']}. ")
        assert set(page["problem"].removeprefix("<p>").removesuffix(".</p>").lower().split()) <= vocabulary
