"""Export (CSV, JSON) with the importer's columns: round trips, and nothing private leaves."""

import csv
import io
import json

from factories import (
    InstrumentFactory,
    LabPageFactory,
    PolicyAreaFactory,
    PracticePageFactory,
    ProgrammePageFactory,
    TerritoryTypeFactory,
)
from wagtail.models import PageViewRestriction

from practices.io import export_csv, export_json
from practices.io.exporter import practice_records
from practices.models import PracticePage

# Added for readers, ignored on import; they differ between two databases.
INFORMATIONAL = ("url", "licence_url", "first_published_at", "last_published_at")


def full_practice(lab, **kwargs):
    area = PolicyAreaFactory(slug="habitat-test", name="Habitat test")
    return PracticePageFactory(
        parent=lab,
        title="Rénovation accompagnée",
        slug="renovation-accompagnee",
        summary="Un guichet unique pour rénover ; et des visites à domicile.",
        problem='<p>Des aides <b>peu</b> demandées, <a href="https://example.org/?a=1&amp;b=2">selon l\'étude</a>.</p>',
        key_figures=[("figure", {"value": "1 200", "label": "logements rénovés; en 2 ans"})],
        partners=[("partner", {"name": "ADIL", "role": "conseil"}), ("partner", {"name": "Région", "role": ""})],
        end_year=2021,
        territory_name="Dunkerque",
        population=200000,
        latitude="51.034400",
        longitude="2.376800",
        legal_competence="intercommunality",
        budget_range="50k-200k",
        prerequisites="Un service habitat\nDes élus moteurs",
        contact_name="Claire Martin",
        contact_role="Cheffe de projet",
        contact_email="claire.martin@example.org",
        licence="CC-BY-SA-4.0",
        last_verified="2024-03-01",
        policy_areas=[area],
        territory_types=[TerritoryTypeFactory()],
        instruments=[InstrumentFactory()],
        labs=[lab],
        programme=ProgrammePageFactory(slug="la-transfo-test"),
        **kwargs,
    )


def comparable(records):
    return [{k: v for k, v in record.items() if k not in INFORMATIONAL} for record in records]


def test_csv_round_trip_recreates_the_same_practices(home, run_import):
    lab = LabPageFactory(slug="lab-dunkerque")
    full_practice(lab)
    PracticePageFactory(parent=lab, title="Deuxième pratique", external_id="DK-2")
    before = practice_records(PracticePage.objects.order_by("pk"))
    exported = export_csv(PracticePage.objects.order_by("pk")).encode()

    PracticePage.objects.all().delete()
    report = run_import(exported, filename="export.csv", publish=True)

    assert report.ok, [str(problem) for problem in report.problems]
    assert report.count("create") == 2
    after = practice_records(PracticePage.objects.order_by("pk"))
    assert comparable(after) == comparable(before)
    assert after[0]["key_figures"] == [{"value": "1 200", "label": "logements rénovés; en 2 ans"}]
    assert after[0]["programme"] == "la-transfo-test"


def test_json_round_trip_on_the_same_site_updates_in_place(home, run_import):
    lab = LabPageFactory(slug="lab-dunkerque")
    practice = full_practice(lab)
    exported = export_json([practice]).encode()

    report = run_import(exported, filename="export.json", publish=True)

    assert report.ok and report.count("update") == 1
    assert PracticePage.objects.count() == 1  # matched by its stable identifier, no duplicate
    practice.refresh_from_db()
    assert practice.contact_email == "claire.martin@example.org"  # absent from the export, kept
    assert comparable(practice_records([practice])) == comparable(json.loads(exported)["practices"])


def test_exports_never_hold_contact_emails_drafts_or_private_pages(home):
    lab = LabPageFactory()
    public = full_practice(lab)
    draft = PracticePageFactory(parent=lab, title="Brouillon secret", live=False)
    private = PracticePageFactory(parent=lab, title="Pratique réservée")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    text = export_csv([public, draft, private])
    document = json.loads(export_json(PracticePage.objects.all()))

    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["title"] for row in rows] == [public.title]
    assert "contact_email" not in rows[0]
    assert "claire.martin@example.org" not in text
    assert [record["title"] for record in document["practices"]] == [public.title]
    assert "claire.martin@example.org" not in json.dumps(document)


def test_export_keeps_the_order_given_and_says_the_licence(home):
    lab = LabPageFactory()
    first = PracticePageFactory(parent=lab, title="A", licence="CC0-1.0")
    second = PracticePageFactory(parent=lab, title="B")

    rows = list(csv.DictReader(io.StringIO(export_csv([second, first]))))

    assert [row["title"] for row in rows] == ["B", "A"]
    assert rows[1]["licence"] == "CC0-1.0"
    assert rows[1]["licence_url"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert rows[0]["url"].endswith(f"/{second.slug}/")


def test_draft_labs_and_programmes_are_not_named(home):
    draft_lab = LabPageFactory(slug="labo-en-preparation", live=False)
    lab = LabPageFactory()
    practice = PracticePageFactory(
        parent=lab, labs=[lab, draft_lab], programme=ProgrammePageFactory(slug="programme-cache", live=False)
    )

    record = practice_records([practice])[0]

    assert record["labs"] == [lab.slug]
    assert record["programme"] is None


def test_export_command_writes_a_file_the_import_command_reads(home, tmp_path):
    from django.core.management import call_command

    lab = LabPageFactory(slug="lab-export")
    full_practice(lab)
    PracticePageFactory(parent=lab, title="Brouillon", live=False)
    path = tmp_path / "practices.json"

    call_command("export_practices", "--format", "json", "--output", str(path))

    document = json.loads(path.read_text(encoding="utf-8"))
    assert [record["title"] for record in document["practices"]] == ["Rénovation accompagnée"]
    call_command("import_practices", str(path), "--publish")
    assert PracticePage.objects.count() == 2  # updated in place, nothing duplicated
