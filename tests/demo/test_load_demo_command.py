"""``manage.py load_demo`` run twice in a row: no error, the same content, nothing revised;
run a third time after an editor's change: the change is undone. Each run prints a line per page.

The three runs happen once for the module (they take a while), inside a transaction rolled
back when the module's tests are done (see ``demo_module`` in conftest.py)."""

from dataclasses import dataclass, field
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from demo.catalogue import read_catalogue
from demo.text import FR
from labs.models import LabPage, ProgrammePage
from practices.models import PracticePage, Transposition

EDITED_PRACTICE = "lezoux-mediatheque"


def snapshot():
    """Counts and the visible state of every page, to compare two runs."""
    pages = [
        (page.locale.language_code, page.url_path, page.title, page.live, page.latest_revision_id)
        for page in Page.objects.select_related("locale").order_by("path")
    ]
    counts = {
        model.__name__: model.objects.count()
        for model in (
            Page,
            LabPage,
            ProgrammePage,
            PracticePage,
            Revision,
            Transposition,
            PageViewRestriction,
            Translation,
            TranslationSource,
            StringTranslation,
            get_image_model(),
        )
    }
    summaries = sorted(PracticePage.objects.values_list("locale__language_code", "slug", "summary"))
    return pages, counts, summaries


@dataclass
class Runs:
    outputs: list = field(default_factory=list)
    snapshots: list = field(default_factory=list)
    original_summary: str = ""

    def run(self):
        output = StringIO()
        call_command("load_demo", stdout=output)
        self.outputs.append(output.getvalue())
        self.snapshots.append(snapshot())


def edited_practice():
    return PracticePage.objects.get(external_id=f"demo:practice:{EDITED_PRACTICE}", locale__language_code=FR)


@pytest.fixture(scope="module")
def runs(django_db_setup, django_db_blocker, tmp_path_factory):
    """Two runs, then an editor's change to a practice's summary, then a third run."""
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)):
        with transaction.atomic():
            runs = Runs()
            runs.run()
            runs.run()
            practice = edited_practice()
            runs.original_summary = practice.summary
            practice.summary = "Résumé modifié à la main."
            practice.save_revision().publish()
            runs.run()
            yield runs
            transaction.set_rollback(True)
        cache.clear()


@pytest.fixture
def loaded(runs, db):
    return runs


def test_load_demo_twice_gives_the_same_content(loaded):
    first, second = loaded.snapshots[:2]
    assert first == second
    _pages, counts, _summaries = first
    assert counts["LabPage"] == 2 * 11  # French originals and English translations
    assert counts["ProgrammePage"] == 2 * 4
    assert counts["PracticePage"] == 2 * 16
    assert counts["Translation"] >= counts["LabPage"] / 2 + counts["ProgrammePage"] / 2 + 16
    assert "0 pages created or updated" in loaded.outputs[1]
    assert "0 pages created or updated" not in loaded.outputs[0]


def test_an_editors_change_is_undone_by_the_next_run_and_only_that_page_is_revised(loaded):
    practice = edited_practice()
    assert practice.summary == loaded.original_summary
    assert "1 pages created or updated" in loaded.outputs[2]
    english = PracticePage.objects.get(translation_key=practice.translation_key, locale__language_code="en")
    assert english.summary.startswith("In 2012 La 27e Région spent several weeks around Lezoux")


def progress_lines(outcomes: dict[str, str]) -> list[str]:
    """The lines a run prints, one per page in loading order; ``outcomes`` by practice key, else "unchanged"."""
    catalogue = read_catalogue()
    lines = []
    for kind in ("pages", "labs", "programmes", "practices"):
        items = getattr(catalogue, kind)
        for number, item in enumerate(items, 1):
            outcome = outcomes.get(item["key"], outcomes.get("*", "unchanged"))
            lines.append(f"[{number}/{len(items)}] {kind.removesuffix('s')} «{item['title'][FR]}» {outcome}")
    return lines


def test_load_demo_prints_a_line_per_page_as_it_goes(loaded):
    first, second, third = (output.splitlines()[:-1] for output in loaded.outputs)  # last: the summary
    assert first == progress_lines({"*": "created"})
    assert sum(line.startswith("[") and " lab «" in line for line in first) == 11
    assert sum(" programme «" in line for line in first) == 4
    assert sum(" practice «" in line for line in first) == 16
    assert second == progress_lines({})
    assert third == progress_lines({EDITED_PRACTICE: "updated"})
