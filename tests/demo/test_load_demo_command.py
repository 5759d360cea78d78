"""``manage.py load_demo`` run twice in a row: no error, the same content, nothing revised."""

from io import StringIO

from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Revision
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from labs.models import LabPage, ProgrammePage
from practices.models import PracticePage, Transposition


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


def test_load_demo_twice_gives_the_same_content_and_undoes_edits(db, demo_media):
    first_output, second_output = StringIO(), StringIO()

    call_command("load_demo", stdout=first_output)
    first = snapshot()
    call_command("load_demo", stdout=second_output)
    second = snapshot()

    assert first == second
    _pages, counts, _summaries = first
    assert counts["LabPage"] == 2 * 11  # French originals and English translations
    assert counts["ProgrammePage"] == 2 * 4
    assert counts["PracticePage"] == 2 * 16
    assert counts["Translation"] >= counts["LabPage"] / 2 + counts["ProgrammePage"] / 2 + 16
    assert "0 pages created or updated" in second_output.getvalue()
    assert "0 pages created or updated" not in first_output.getvalue()

    # An editor's change to a demo page is undone by the next run, and only that page is revised.
    practice = PracticePage.objects.get(external_id="demo:practice:lezoux-mediatheque", locale__language_code="fr")
    original_summary = practice.summary
    practice.summary = "Résumé modifié à la main."
    practice.save_revision().publish()

    third_output = StringIO()
    call_command("load_demo", stdout=third_output)

    practice.refresh_from_db()
    assert practice.summary == original_summary
    assert "1 pages created or updated" in third_output.getvalue()
    english = PracticePage.objects.get(translation_key=practice.translation_key, locale__language_code="en")
    assert english.summary.startswith("In 2012 La 27e Région spent several weeks around Lezoux")
