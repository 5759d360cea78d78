"""The demo's data files: what a file says is what the page shows, and a wrong file is
reported with its name before anything is written."""

import pytest
from wagtail.models import Locale, Page

from demo.catalogue import DemoDataError, read_catalogue
from demo.loader import load_demo
from demo.text import EN, FR
from practices.models import PracticePage

MINDLAB = {"pages": ["lab-index", "practice-index"], "labs": ["mindlab"], "practices": ["mindlab-usagers"]}


def correct(path, corrections):
    """Replace sentences in a data file as a translator would, in a text editor."""
    text = path.read_text(encoding="utf-8")
    for old, new in corrections:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def test_a_sentence_corrected_in_a_data_file_is_what_the_page_shows(db, demo_media, content_copy):
    folder = content_copy(**MINDLAB)
    load_demo(folder)
    correct(
        folder / "practices" / "mindlab-usagers.yaml",
        [
            ("il a fermé en 2018.", "il a fermé ses portes en 2018."),
            ("    closed in 2018.\n", "    shut its doors in 2018.\n"),
        ],
    )

    steps = []
    load_demo(folder, progress=steps.append)

    french = PracticePage.objects.get(external_id="demo:practice:mindlab-usagers", locale__language_code=FR)
    english = french.get_translation(Locale.objects.get(language_code=EN))
    assert french.live and english.live
    assert french.summary.endswith("Cité dans le monde entier, il a fermé ses portes en 2018.")
    assert english.summary.endswith("Cited worldwide, it shut its doors in 2018.")
    assert [(step.kind, step.outcome) for step in steps] == [
        ("page", "unchanged"),
        ("page", "unchanged"),
        ("lab", "unchanged"),
        ("practice", "updated"),
    ]


def test_a_file_missing_from_the_catalogue_is_reported(content_copy):
    folder = content_copy(**MINDLAB)
    (folder / "labs" / "unlisted-lab.yaml").write_text("title: {fr: Labo, en: Lab}\n", encoding="utf-8")
    with pytest.raises(DemoDataError, match=r"labs files not listed: \['unlisted-lab'\]"):
        read_catalogue(folder)


def test_an_unknown_key_is_reported_with_its_file_before_anything_is_written(db, demo_media, content_copy):
    folder = content_copy(**MINDLAB)
    correct(folder / "labs" / "mindlab.yaml", [("\nsummary:\n", "\nsumary:\n")])
    pages = Page.objects.count()
    with pytest.raises(DemoDataError, match=r"labs/mindlab.yaml: unknown keys \['sumary'\]"):
        load_demo(folder)
    assert Page.objects.count() == pages
