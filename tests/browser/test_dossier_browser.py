"""The dossier's progress page in Chromium: accessible, no script error, and its static script
starts the download once the worker has built the file."""

import pytest
from browser.a11y import assert_accessible
from browser.page_errors import console_errors
from factories import PracticePageFactory

pytestmark = pytest.mark.browser

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def test_progress_page_follows_the_build_and_starts_the_download(live_server, live_home, page, settings, enqueued):
    settings.TASKS = DUMMY_TASKS
    PracticePageFactory(title="Carte culture jeunes")
    errors = console_errors(page)

    page.goto(f"{live_server.url}/fr/search/export/pdf/?q=Carte")

    assert "/fr/search/dossier/" in page.url
    assert page.get_by_role("heading", level=1).inner_text() == "Votre dossier PDF"
    assert page.get_by_role("status").is_visible()
    assert_accessible(page)
    [build] = [result for result in enqueued if result.task.name == "build_dossier"]
    with page.expect_download(timeout=20_000) as download:
        build.task.call(*build.args, **build.kwargs)  # what the worker does
    assert download.value.suggested_filename == "praxis-dossier.pdf"
    assert errors == []
