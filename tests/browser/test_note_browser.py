"""The note's progress page in Chromium: accessible, no script error, and its static script
starts the download of the note once the worker has built it."""

from pathlib import Path

import pytest
from browser.a11y import assert_accessible
from browser.page_errors import console_errors
from browser.sessions import signed_in_tab
from factories import LabPageFactory, PlanFactory
from factories.notes import fill_plan, lezoux_member, note_practice
from factories.territories import load_reference
from pdf_structure import reader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def test_the_progress_page_follows_the_build_and_starts_the_download(
    live_server, live_home, browser, settings, enqueued
):
    settings.TASKS = DUMMY_TASKS
    load_reference()
    member = lezoux_member()
    plan = fill_plan(PlanFactory(member=member, practice=note_practice(LabPageFactory(title="Labo des possibles"))))
    tab = signed_in_tab(browser, live_server, member.user, accept_downloads=True)
    errors = console_errors(tab)

    tab.goto(f"{live_server.url}/fr/transpositions/plan/{plan.pk}/note/pdf/")

    assert tab.get_by_role("heading", level=1).inner_text() == "Votre note pour les élus"
    assert tab.get_by_role("status").is_visible()
    assert_accessible(tab)
    [build] = [result for result in enqueued if result.task.name == "build_note_file"]
    with tab.expect_download(timeout=20_000) as download:
        build.task.call(*build.args, **build.kwargs)  # what the worker does
    assert download.value.suggested_filename.endswith(".pdf")
    assert len(reader(Path(download.value.path()).read_bytes()).pages) >= 2
    assert errors == []
    tab.context.close()
