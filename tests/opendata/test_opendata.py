"""The open-data dump at /opendata/: live public practices and labs, each with its licence."""

import csv
import io
import json

import pytest
from factories import LabPageFactory, PracticePageFactory
from wagtail.models import Locale, PageViewRestriction

from practices.models import PracticePage
from praxis.services.site_setup import ensure_translation


def body(response) -> bytes:
    """A file's bytes (the dumps are streamed)."""
    return b"".join(response.streaming_content) if response.streaming else response.content


def document_of(response) -> dict:
    return json.loads(body(response))


@pytest.fixture
def published(home):
    lab = LabPageFactory(slug="lab-ouvert", title="Lab ouvert", contact_email="lab@example.org")
    draft_lab = LabPageFactory(slug="lab-brouillon", title="Lab brouillon", live=False)
    public = PracticePageFactory(
        parent=lab, title="Pratique publique", licence="etalab-2.0", contact_email="p@example.org"
    )
    english = ensure_translation(public, Locale.objects.get(language_code="en"))
    english.title = "Public practice"
    english.save_revision().publish()
    PracticePageFactory(parent=lab, title="Pratique brouillon", live=False)
    private = PracticePageFactory(parent=lab, title="Pratique privée")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return {"lab": lab, "draft_lab": draft_lab, "public": public, "english": english}


def test_practices_json_holds_live_public_practices_with_their_licence(client, published):
    response = client.get("/opendata/practices.json")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    document = document_of(response)
    assert document["count"] == 2
    assert sorted(record["title"] for record in document["practices"]) == ["Pratique publique", "Public practice"]
    assert {record["licence"] for record in document["practices"]} == {"etalab-2.0"}
    assert all(record["licence_url"].startswith("https://www.etalab.gouv.fr/") for record in document["practices"])
    text = json.dumps(document, ensure_ascii=False)
    assert "brouillon" not in text and "privée" not in text
    assert "p@example.org" not in text


def test_practices_csv_and_locale(client, published):
    response = client.get("/opendata/practices.csv?locale=en")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(body(response).decode())))
    assert [(row["title"], row["language"], row["licence"]) for row in rows] == [
        ("Public practice", "en", "etalab-2.0")
    ]
    assert "contact_email" not in rows[0]


def test_labs_dump_excludes_drafts_and_contact_emails(client, published):
    document = document_of(client.get("/opendata/labs.json?locale=fr"))

    titles = [record["title"] for record in document["labs"]]
    assert "Lab ouvert" in titles and "Lab brouillon" not in titles
    assert all(record["licence"] == "CC-BY-4.0" for record in document["labs"])
    assert "lab@example.org" not in str(document)
    rows = list(csv.DictReader(io.StringIO(body(client.get("/opendata/labs.csv")).decode())))
    assert "Lab brouillon" not in [row["title"] for row in rows]


def test_bad_locale_is_400_and_unknown_format_404(client, published):
    response = client.get("/opendata/practices.json?locale=xx")
    assert response.status_code == 400
    assert "xx" in response.json()["error"]
    assert client.get("/opendata/practices.xml").status_code in (302, 404)
    assert client.post("/opendata/practices.json").status_code == 405


def test_catalogue_lists_the_files(client, home):
    files = client.get("/opendata/").json()["files"]
    assert {file["url"].rsplit("/", 1)[1] for file in files} == {
        "practices.json",
        "practices.csv",
        "labs.json",
        "labs.csv",
    }


def test_the_dump_can_be_imported_back(client, published, run_import):
    data = body(client.get("/opendata/practices.json"))
    count = PracticePage.objects.count()

    report = run_import(data, filename="practices.json", dry_run=True)

    assert report.ok, [str(problem) for problem in report.problems]
    assert [outcome.action for outcome in report.outcomes] == ["update", "update"]
    assert PracticePage.objects.count() == count
