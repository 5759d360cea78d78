"""Every CSV the site writes is safe to open in a spreadsheet: no cell starts a formula
(``=``, ``+``, ``-``, ``@``, tab, carriage return), and importing an export gives back the
original text (the importer strips a cell's surrounding spaces, tabs and line breaks, as it
always did, so those are checked in the served files only). Each file is read as a spreadsheet would read it: the csv module plus the rule,
and openpyxl when it is installed (a cell it would type as a formula)."""

import csv
import io

import pytest
from factories import LabPageFactory, PracticePageFactory

from practices.io import export_csv, import_practices
from practices.io.exporter import practice_records
from practices.models import PracticePage
from praxis.records import FORMULA_START, from_spreadsheet_safe, spreadsheet_safe

DANGEROUS = {
    "title": '=HYPERLINK("https://evil.example";"clic")',
    "summary": "+cmd|' /C calc'!A0",
    "territory_name": "-2+3+cmd|' /C calc'!A0",
    "problem": "<p>@SUM(1+1)*cmd|' /C calc'!A0</p>",
    "contact_role": "-Cheffe de projet",
    "prerequisites": "=1+1\nUne équipe",
    "contact_name": "'=déjà protégé par l'auteur",
}


def formula_cells(text: str) -> list[str]:
    """Cells a spreadsheet would run: the csv module plus the rule (a plain number is a number)."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return [cell for row in rows for cell in row if cell[:1] in FORMULA_START and spreadsheet_safe(cell) != cell]


def openpyxl_formulas(text: str) -> list[str]:
    """The same file typed cell by cell as openpyxl types values (``data_type == "f"``)."""
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.Workbook().active
    for row in csv.reader(io.StringIO(text, newline="")):
        sheet.append(row)
    return [cell.value for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]


def test_the_rule_is_reversible_and_leaves_numbers_alone():
    samples = ["=1+1", "+x", "-x", "@x", "\tx", "\rx", "'=x", "''@x", "'texte", "texte", "", "-1.5", "+33", "1e5"]
    for text in samples:
        assert from_spreadsheet_safe(spreadsheet_safe(text)) == text, text
    assert spreadsheet_safe("=1+1") == "'=1+1"
    assert spreadsheet_safe("'=1+1") == "''=1+1"
    assert spreadsheet_safe("-1.5") == "-1.5"
    assert spreadsheet_safe("'texte") == "'texte"
    assert from_spreadsheet_safe("'texte") == "'texte"


@pytest.fixture
def hostile(home):
    lab = LabPageFactory(slug="lab-formules", acronym="=1+1", city="\t@Ville", region="\r=1+1", summary="-Résumé")
    practice = PracticePageFactory(parent=lab, slug="formules", external_id="@ID-1", labs=[lab], **DANGEROUS)
    return {"lab": lab, "practice": practice}


@pytest.mark.parametrize(
    "url",
    ["/fr/search/export/csv/", "/opendata/practices.csv", "/opendata/practices.csv?locale=fr", "/opendata/labs.csv"],
)
def test_no_csv_served_holds_a_formula(client, hostile, url):
    response = client.get(url)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert "'=HYPERLINK" in text or "'=1+1" in text  # the hostile text is there, neutralised
    assert formula_cells(text) == []
    assert openpyxl_formulas(text) == []


def test_the_export_command_csv_holds_no_formula_and_imports_back_the_same_text(hostile):
    before = practice_records(PracticePage.objects.order_by("pk"), with_informational=False)
    exported = export_csv(PracticePage.objects.order_by("pk"), with_informational=False)
    assert formula_cells(exported) == []
    assert "'=HYPERLINK" in exported
    assert "''=déjà protégé" in exported

    PracticePage.objects.all().delete()
    report = import_practices(exported.encode(), filename="export.csv", publish=True)

    assert report.ok, [str(problem) for problem in report.problems]
    after = practice_records(PracticePage.objects.order_by("pk"), with_informational=False)
    assert [{k: v for k, v in record.items() if v != before[n][k]} for n, record in enumerate(after)] == [{}]
    page = PracticePage.objects.get()
    assert page.title == DANGEROUS["title"]
    assert page.summary == DANGEROUS["summary"]
    assert page.territory_name == DANGEROUS["territory_name"]
    assert page.external_id == "@ID-1"
