"""A search exported as one PDF dossier of practice sheets, for a committee: built by the
worker (the immediate backend in tests), followed on a progress page, shared by identical
requests."""

import io
import os
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django_tasks import default_task_backend
from factories import PolicyAreaFactory, PracticePageFactory
from pypdf import PdfReader

from search import dossiers

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def area(home):
    area = PolicyAreaFactory(name="Lecture publique", slug="lecture-publique")
    PracticePageFactory(title="Carte culture jeunes", policy_areas=[area], core_elements="Gratuité")
    PracticePageFactory(title="Médiathèque de Lezoux", policy_areas=[area])
    PracticePageFactory(title="Brouillon à ne pas montrer", policy_areas=[area], live=False)
    PracticePageFactory(title="Hors sujet")
    return area


def dossier_builds():
    return [result for result in default_task_backend.results if result.task.name == "build_dossier"]


def test_search_results_export_as_one_pdf_dossier(client, area):
    response = client.get("/fr/search/export/pdf/", {"policy_area": "lecture-publique"}, follow=True)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="praxis-dossier.pdf"'
    [(progress, _), (file_url, _)] = response.redirect_chain
    assert progress.startswith("/fr/search/dossier/") and file_url == progress + "file/"
    text = pdf_text(body(response))
    assert "Carte culture jeunes" in text and "Médiathèque de Lezoux" in text
    assert "Brouillon à ne pas montrer" not in text
    assert "Hors sujet" not in text


def test_empty_search_gives_a_404_not_an_empty_pdf(client, home):
    response = client.get("/fr/search/export/pdf/", {"q": "zzzqqqxxx"})
    assert response.status_code == 404


def test_the_reader_waits_on_a_progress_page_without_inline_script(client, area, settings):
    settings.TASKS = DUMMY_TASKS

    response = client.get("/fr/search/export/pdf/", {"policy_area": "lecture-publique"})

    assert response.status_code == 302
    progress = client.get(response["Location"])
    assert progress.status_code == 200 and progress["Cache-Control"] == "no-store"
    soup = BeautifulSoup(progress.content, "html.parser")
    region = soup.select_one("[data-build-status]")
    status_url = region["data-build-status"]
    assert soup.select_one("noscript meta[http-equiv=refresh]")["content"] == "3"
    assert all(script.get("src") for script in soup.find_all("script"))  # no inline script
    assert any(script["src"].endswith("praxis/build-progress.js") for script in soup.find_all("script"))
    assert soup.select_one("[role=status]")
    assert client.get(status_url).json() == {"state": "pending", "url": None}
    assert client.get(region.select_one("[data-dossier-link]")["href"]).status_code == 404  # not yet

    [build] = dossier_builds()
    build.task.call(*build.args, **build.kwargs)  # what the worker does

    ready = client.get(status_url).json()
    assert ready["state"] == "ready" and ready["url"].endswith("/file/")
    assert client.get(response["Location"])["Location"] == ready["url"]
    assert pdf_text(body(client.get(ready["url"]))).count("Carte culture jeunes") >= 1


def test_identical_requests_share_one_build_until_content_changes(client, area, settings):
    settings.TASKS = DUMMY_TASKS
    query = {"policy_area": "lecture-publique"}

    first = client.get("/fr/search/export/pdf/", query)["Location"]
    again = client.get("/fr/search/export/pdf/", {**query, "page": "2"})["Location"]
    english = client.get("/en/search/export/pdf/", query)["Location"]

    assert first == again != english.replace("/en/", "/fr/")
    assert len(dossier_builds()) == 2  # French and English, once each
    PracticePageFactory(title="Nouvelle pratique", policy_areas=[area])
    assert client.get("/fr/search/export/pdf/", query)["Location"] != first  # a new content version
    assert len(dossier_builds()) == 3


def test_a_failed_build_is_reported_and_retried_on_request(client, area, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("rendering failed")

    monkeypatch.setattr(dossiers, "dossier_pdf", broken)
    response = client.get("/fr/search/export/pdf/", {"policy_area": "lecture-publique"}, follow=True)

    assert response.status_code == 200
    assert "pas pu être préparé" in response.content.decode()
    monkeypatch.undo()
    retried = client.get("/fr/search/export/pdf/", {"policy_area": "lecture-publique"}, follow=True)
    assert retried["Content-Type"] == "application/pdf"


def test_unknown_or_malformed_keys_are_404(client, home):
    assert client.get("/fr/search/dossier/" + "0" * 64 + "/file/").status_code == 404
    assert client.get("/fr/search/dossier/not-a-key/").status_code == 404
    assert client.get("/fr/search/dossier/../status/").status_code == 404


def test_old_dossiers_are_pruned(client, area, settings):
    client.get("/fr/search/export/pdf/", {"policy_area": "lecture-publique"}, follow=True)
    [old] = Path(settings.MEDIA_ROOT, dossiers.FOLDER).iterdir()
    day_ago = time.time() - settings.PRAXIS_DOSSIER_MAX_AGE - 60
    os.utime(old, (day_ago, day_ago))

    client.get("/fr/search/export/pdf/", {"q": "Carte"}, follow=True)

    assert old.name not in [path.name for path in Path(settings.MEDIA_ROOT, dossiers.FOLDER).iterdir()]


def test_dossiers_and_exports_are_rate_limited_for_anonymous_readers(client, area, settings):
    settings.PRAXIS_RATE_LIMITS = {"dossier": 1, "export": 2}
    settings.TASKS = DUMMY_TASKS

    assert client.get("/fr/search/export/pdf/", {"q": "Carte"}).status_code == 302
    assert client.get("/fr/search/export/pdf/", {"q": "Carte"}).status_code == 302  # the same: no new build
    limited = client.get("/fr/search/export/pdf/", {"q": "Médiathèque"})
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0
    assert f"réessayer dans {limited['Retry-After']} secondes" in limited.content.decode()

    assert [client.get("/fr/search/export/csv/").status_code for _ in range(3)] == [200, 200, 429]
