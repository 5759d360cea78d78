"""manage.py import_practices and practices.io.importer: validation, all-or-nothing, re-imports."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from factories.opendata import GOOD_ROWS, csv_bytes
from wagtail.models import Locale

from practices.models import PracticePage


@pytest.fixture(autouse=True)
def english_messages():
    """The messages are checked in English (their source language); the catalogues translate them."""
    with translation.override("en"):
        yield


def test_good_file_creates_drafts_with_every_field(lab, practice_index, run_import):
    report = run_import(csv_bytes(*GOOD_ROWS))

    assert report.ok, [str(problem) for problem in report.problems]
    assert report.count("create") == 2
    culture = PracticePage.objects.get(external_id="MUL-01")
    assert not culture.live  # drafts by default
    assert culture.get_parent().specific == lab
    assert culture.summary == "Une carte culture pour les 15-25 ans."
    assert culture.problem == "<p>Peu de jeunes à la médiathèque.</p>"
    assert [(b.value["value"], b.value["label"]) for b in culture.key_figures] == [
        ("8 000", "cartes délivrées"),
        ("35 %", "de fréquentation en plus"),
    ]
    # Terms by slug and by label in any language, whatever the case and accents.
    assert sorted(culture.policy_areas.values_list("slug", flat=True)) == [
        "culture-bibliotheques",
        "education-jeunesse",
    ]
    assert list(culture.territory_types.values_list("slug", flat=True)) == ["urbain"]
    assert list(culture.methods.values_list("slug", flat=True)) == ["design-de-services"]
    assert culture.lifecycle_stage == "evaluated"  # English label of the choice
    assert (culture.start_year, culture.end_year, culture.population) == (2019, 2022, 108000)
    assert str(culture.latitude) == "47.750800"  # French decimal comma
    assert culture.contact_email == "culture@mulhouse.example"
    renovation = PracticePage.objects.get(external_id="DK-02")
    assert renovation.get_parent().specific == practice_index  # no lab: the practice index
    assert renovation.country.code == "FR"  # a country name
    assert sorted(renovation.territory_types.values_list("slug", flat=True)) == ["littoral", "metropolitain"]
    assert renovation.licence == "etalab-2.0"


def test_publish_flag_publishes(lab, practice_index, run_import):
    report = run_import(csv_bytes(*GOOD_ROWS), publish=True)

    assert report.ok
    assert PracticePage.objects.live().count() == 2
    assert PracticePage.objects.get(external_id="MUL-01").live_revision is not None


def test_errors_in_three_rows_are_all_reported_and_nothing_is_imported(lab, practice_index, run_import):
    bad_year = GOOD_ROWS[0].replace("MUL-01", "MUL-03").replace(",2019,2022,", ",vers 2019,2022,")
    bad_term = GOOD_ROWS[1].replace("DK-02", "DK-04").replace("renovation-energetique", "astrophysique")
    bad_years_order = GOOD_ROWS[0].replace("MUL-01", "MUL-05").replace(",2019,2022,", ",2022,2019,")
    rows = [GOOD_ROWS[0], bad_year, GOOD_ROWS[1], bad_term, bad_years_order]

    report = run_import(csv_bytes(*rows), publish=True)

    assert not report.ok
    located = {(problem.row, problem.column) for problem in report.problems}
    assert located == {(3, "start_year"), (5, "policy_areas"), (6, "end_year")}
    messages = [str(problem) for problem in report.problems]
    assert messages[0].startswith("Row 3, column “start_year”: “vers 2019” is not a whole number")
    assert "astrophysique" in messages[1]
    assert PracticePage.objects.count() == 0  # the good rows were not imported either


def test_unknown_terms_are_named_with_a_suggestion(lab, run_import):
    row = GOOD_ROWS[0].replace("Subvention", "Subventoin").replace("Urbain", "Lunaire")

    report = run_import(csv_bytes(row))

    problems = {problem.column: problem.message for problem in report.problems}
    assert set(problems) == {"instruments", "territory_types"}
    assert "“Subventoin”" in problems["instruments"]
    assert "subvention" in problems["instruments"]  # did you mean
    assert "“Lunaire”" in problems["territory_types"]
    assert not PracticePage.objects.exists()


def test_unknown_columns_and_missing_identifier_stop_before_the_rows(lab, run_import):
    report = run_import(csv_bytes("Carte,Résumé", header="title,policy_area"))

    messages = [str(problem) for problem in report.problems]
    assert any("Unknown column “policy_area”" in message for message in messages)
    assert any("“external_id” is required" in message for message in messages)


def test_a_byte_order_mark_is_accepted(lab, practice_index, run_import):
    report = run_import(b"\xef\xbb\xbf" + csv_bytes(*GOOD_ROWS), publish=True)

    assert report.ok
    assert PracticePage.objects.filter(external_id="MUL-01").exists()  # the first header survived the BOM


def test_a_windows_1252_file_gets_a_clear_error_and_can_be_read_with_encoding(lab, practice_index, run_import):
    data = csv_bytes(*GOOD_ROWS, encoding="cp1252")

    report = run_import(data)

    assert not report.ok
    assert "not in UTF-8" in report.problems[0].message
    assert "--encoding cp1252" in report.problems[0].message
    assert not PracticePage.objects.exists()

    report = run_import(data, encoding="cp1252")
    assert report.ok
    assert PracticePage.objects.get(external_id="MUL-01").problem == "<p>Peu de jeunes à la médiathèque.</p>"


def test_utf16_and_workbooks_are_refused_clearly(lab, run_import):
    assert "UTF-16" in run_import(csv_bytes(*GOOD_ROWS, encoding="utf-16")).problems[0].message
    assert ".xlsx" in run_import(b"PK\x03\x04binary").problems[0].message


def test_reimport_updates_the_same_page_with_a_new_revision(lab, practice_index, run_import):
    assert run_import(csv_bytes(*GOOD_ROWS), publish=True).ok
    page = PracticePage.objects.get(external_id="MUL-01")
    revisions = page.revisions.count()
    changed = GOOD_ROWS[0].replace("Carte culture jeunes", "Carte culture des jeunes")

    report = run_import(csv_bytes(changed, GOOD_ROWS[1]), publish=True)

    assert report.ok and report.count("update") == 2 and report.count("create") == 0
    assert PracticePage.objects.count() == 2
    page.refresh_from_db()
    assert page.title == "Carte culture des jeunes"
    assert page.slug == "carte-culture-jeunes"  # the address does not move
    assert page.revisions.count() == revisions + 1


def test_reimport_without_publish_leaves_the_live_version(lab, practice_index, run_import):
    run_import(csv_bytes(*GOOD_ROWS), publish=True)
    changed = GOOD_ROWS[0].replace("Carte culture jeunes", "Titre en préparation")

    assert run_import(csv_bytes(changed)).ok

    page = PracticePage.objects.get(external_id="MUL-01")
    assert page.title == "Carte culture jeunes" and page.live
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == "Titre en préparation"


def test_dry_run_reports_and_writes_nothing(lab, practice_index, run_import):
    run_import(csv_bytes(GOOD_ROWS[0]), publish=True)
    revisions = PracticePage.objects.get().revisions.count()

    report = run_import(csv_bytes(*GOOD_ROWS), dry_run=True, publish=True)

    assert report.ok
    assert [(outcome.external_id, outcome.action) for outcome in report.outcomes] == [
        ("MUL-01", "update"),
        ("DK-02", "create"),
    ]
    assert "Dry run" in report.summary()
    assert PracticePage.objects.count() == 1
    assert PracticePage.objects.get().revisions.count() == revisions


def test_json_files_and_translations(lab, english_lab, practice_index, run_import):
    records = [
        {
            "external_id": "MUL-01",
            "title": "Carte culture jeunes",
            "lab": "lab-test",
            "summary": "Une carte culture.",
            "territory_name": "Mulhouse",
            "policy_areas": ["Culture and libraries"],
            "key_figures": [{"value": "8 000", "label": "cartes"}],
            "start_year": 2019,
        },
        {
            "external_id": "MUL-01",
            "language": "en",
            "title": "Youth culture card",
            "summary": "A culture card.",
            "territory_name": "Mulhouse",
        },
    ]
    report = run_import(json.dumps({"practices": records}).encode(), publish=True)

    assert report.ok, [str(problem) for problem in report.problems]
    assert [outcome.action for outcome in report.outcomes] == ["create", "translate"]
    french = PracticePage.objects.get(locale__language_code="fr")
    english = PracticePage.objects.get(locale__language_code="en")
    assert english.translation_key == french.translation_key
    assert english.title == "Youth culture card" and english.live
    assert english.get_parent().specific == english_lab
    assert list(english.policy_areas.values_list("slug", flat=True)) == ["culture-bibliotheques"]  # shared
    assert english.start_year == 2019  # copied from the original


def test_json_errors_are_reported_by_record(lab, run_import):
    records = [
        {
            "external_id": "A",
            "lab": "lab-test",
            "title": "x",
            "summary": "y",
            "territory_name": "z",
            "start_year": "abc",
        },
        "oops",
    ]

    report = run_import(json.dumps(records).encode())

    assert [str(problem) for problem in report.problems] == [
        "Record 1, column “start_year”: “abc” is not a whole number.",
        "Record 2: Each practice must be a JSON object.",
    ]


def test_missing_required_values_are_reported_by_column(lab, run_import):
    report = run_import(csv_bytes("NEW-1,fr,,lab-test,,,,,,,,,,,,,,,,,,"))

    assert {problem.column for problem in report.problems} >= {"title", "summary", "territory_name"}


def test_parent_option_files_rows_without_a_lab(lab, home, run_import):
    row = GOOD_ROWS[1]  # no lab column value

    report = run_import(csv_bytes(row), default_lab="lab-test")

    assert report.ok
    assert PracticePage.objects.get().get_parent().specific == lab
    assert "--parent" in str(run_import(csv_bytes(row), default_lab="nope").problems[0])


def test_rich_text_is_cleaned_of_scripts(lab, run_import):
    row = GOOD_ROWS[0].replace('"Peu de jeunes à la médiathèque."', '"<p>Texte</p><script>alert(1)</script>"')

    assert run_import(csv_bytes(row)).ok

    assert "<script" not in PracticePage.objects.get().problem


def test_command_reports_every_problem_and_fails(lab, practice_index, tmp_path, capsys):
    path = tmp_path / "practices.csv"
    path.write_bytes(csv_bytes(GOOD_ROWS[0].replace("2019", "deux mille"), GOOD_ROWS[1].replace("France", "Atlantis")))

    with pytest.raises(CommandError, match="2 problem"):
        call_command("import_practices", str(path), "--publish")

    errors = capsys.readouterr().err
    assert "Row 2, column “start_year”" in errors
    assert "Row 3, column “country”" in errors
    assert not PracticePage.objects.exists()


def test_command_imports_and_dry_runs(lab, practice_index, tmp_path, capsys):
    path = tmp_path / "practices.csv"
    path.write_bytes(csv_bytes(*GOOD_ROWS))

    call_command("import_practices", str(path), "--dry-run")
    assert "would be created" in capsys.readouterr().out
    assert not PracticePage.objects.exists()

    call_command("import_practices", str(path), "--publish")
    assert "2 practice(s) created" in capsys.readouterr().out
    assert PracticePage.objects.live().count() == 2


def test_command_refuses_a_missing_file(db):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_practices", "/nonexistent/practices.csv")


def test_header_line_with_semicolons_is_read(lab, practice_index, run_import):
    header = "external_id;title;summary;territory_name;policy_areas"
    report = run_import(csv_bytes("X-1;Titre;Résumé;Lille;logement | mobilite", header=header))

    assert report.ok
    assert sorted(PracticePage.objects.get().policy_areas.values_list("slug", flat=True)) == ["logement", "mobilite"]


def test_locale_must_exist(lab, run_import):
    report = run_import(csv_bytes(GOOD_ROWS[0].replace("MUL-01,fr,", "MUL-01,de,")))

    assert report.problems[0].column == "language"
    assert Locale.objects.filter(language_code="de").count() == 0


def test_the_documented_template_imports_cleanly(practice_index, run_import):
    from pathlib import Path

    import practices.io

    template = Path(practices.io.__file__).with_name("practices_template.csv")

    report = run_import(template.read_bytes(), filename=template.name, publish=True)

    assert report.ok, [str(problem) for problem in report.problems]
    practice = PracticePage.objects.get(external_id="EXEMPLE-001")
    assert practice.problem == (
        "<p>Les 15-25 ans fréquentaient peu la médiathèque.</p><p>Les tarifs et les horaires étaient mal connus.</p>"
    )
    assert sorted(practice.methods.values_list("slug", flat=True)) == ["design-de-services", "prototypage"]
    assert [block.value["name"] for block in practice.partners] == ["Lycée Montaigne", "Médiathèque"]


def test_a_failure_while_writing_rolls_back_the_rows_already_written(lab, practice_index, run_import, monkeypatch):
    from django.core.exceptions import ValidationError

    from practices.io import importer

    real_save_page = importer.save_page

    def failing_on_the_second(plan):
        if plan.external_id == "DK-02":
            raise ValidationError("disk full")
        return real_save_page(plan)

    monkeypatch.setattr(importer, "save_page", failing_on_the_second)

    report = run_import(csv_bytes(*GOOD_ROWS), publish=True)

    assert [str(problem) for problem in report.problems] == ["Row 3: disk full"]
    assert not PracticePage.objects.exists()  # MUL-01 had been written, and was rolled back
