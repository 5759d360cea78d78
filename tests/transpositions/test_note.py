"""The note for elected officials: a tagged PDF and an editable .docx that say the plan's content,
in the member's language, for collaborators only."""

import io
import re
import zipfile

import pytest
from django.utils import translation
from django.utils.text import slugify
from docx import Document
from factories import MemberFactory, PlanFactory
from factories.notes import fill_plan, lezoux_member, note_practice
from factories.transpositions import invite
from pdf_structure import catalog, reader, structure_types

from practices.choices import BudgetRange
from transpositions.models import Collaborator, Plan
from transpositions.services import estimates
from transpositions.services.note import build_note
from transpositions.services.note_pdf import note_html

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def source_practice(lab, reference):
    return note_practice(lab)


@pytest.fixture
def mayor_aide(reference):
    return lezoux_member()


@pytest.fixture
def plan(source_practice, mayor_aide):
    return fill_plan(PlanFactory(member=mayor_aide, practice=source_practice))


def download(client, member, plan, fmt="pdf", **extra):
    client.force_login(member.user)
    return client.get(f"/fr/transpositions/plan/{plan.pk}/note/{fmt}/", **extra)


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in reader(content).pages).split())


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


def labels(language: str, *values) -> list[str]:
    with translation.override(language):
        return [str(value) for value in values]


def test_the_pdf_note_is_downloaded_at_once_with_the_plans_content(client, plan, mayor_aide):
    response = download(client, mayor_aide, plan)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == f'attachment; filename="{slugify(plan.title)}.pdf"'
    assert slugify(plan.title).startswith("bibliotheque-hors-les-murs")
    text = pdf_text(body(response))
    keep, why = labels("fr", Plan.Decision.KEEP.label)[0], "Le cœur du projet"
    for expected in (
        plan.title,
        f"Aller vers les habitants — {keep}",
        why,
        "Le recrutement des chauffeurs",
        "Former deux agents du service technique",
        "Délibération du conseil municipal",
        "Rapport d'évaluation 2022",
        "CC BY 4.0",
        "Labo des possibles",
        source_practice_url(plan),
    ):
        assert expected in text, expected
    assert budget_words(plan) in compact(text)  # the rescaled budget, a range
    assert "Notes internes" not in text  # the plan's own notes stay in the plan


def compact(text: str) -> str:
    return re.sub(r"\s", "", text)


def budget_words(plan) -> str:
    """The rescaled budget range, as the note writes it (without spaces)."""
    estimate = estimates.budget(plan)
    assert (estimate.low, estimate.high) == (2100, 8500)  # 50-200 k€ × 6,528 / 173,136 × 1.125, rounded out
    return "2100à8500euros"


def source_practice_url(plan) -> str:
    return plan.source["url"]


def test_the_pdf_is_tagged_with_the_language_and_title(client, plan, mayor_aide):
    content = body(download(client, mayor_aide, plan))

    root = catalog(content)
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "fr"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert plan.title in reader(content).metadata.title
    types = structure_types(content)
    for expected in ("/H1", "/H2", "/H3", "/L", "/LI", "/Table", "/TH", "/TD"):
        assert expected in types, expected
    assert types.count("/H1") == 1 and types.index("/H1") < types.index("/H2")
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()  # PDF/UA-1 identification


def test_a_full_plan_makes_two_to_four_pages(client, plan, mayor_aide):
    content = body(download(client, mayor_aide, plan))

    assert 2 <= len(reader(content).pages) <= 4


def test_the_editable_document_says_the_same_with_real_headings(client, plan, mayor_aide):
    response = download(client, mayor_aide, plan, "docx")

    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == f'attachment; filename="{slugify(plan.title)}.docx"'
    content = body(response)
    document = Document(io.BytesIO(content))
    assert plan.title in document.core_properties.title
    assert document.core_properties.language == "fr-FR"
    headings = {(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))}
    assert ("Title", plan.title) in headings
    assert ("Heading 1", "Risques") in headings
    assert ("Heading 2", "Éléments essentiels") in headings
    assert any(p.style.name == "List Bullet" for p in document.paragraphs)
    assert any(p.style.name == "List Number" for p in document.paragraphs)
    estimate = document.tables[0]
    assert estimate.cell(1, 1).text == labels("fr", BudgetRange.FROM_50K.label)[0]
    assert compact(estimate.cell(1, 2).text) == budget_words(plan)
    text = docx_text(content)
    for expected in (
        "Aller vers les habitants",
        "Le cœur du projet",
        "Le recrutement des chauffeurs",
        "Délibération du conseil municipal",
        "Rapport d'évaluation 2022",
        "CC BY 4.0",
        plan.source["url"],
    ):
        assert expected in text, expected
    with zipfile_of(content) as archive:
        assert not [name for name in archive.namelist() if "vba" in name.lower()]  # no macros


def zipfile_of(content: bytes):
    return zipfile.ZipFile(io.BytesIO(content))


def test_the_note_is_in_the_members_language(client, plan, mayor_aide):
    english = MemberFactory(language="en")
    invite(plan, english, Collaborator.Role.READER)

    french_pdf = pdf_text(body(download(client, mayor_aide, plan)))
    english_pdf = pdf_text(body(download(client, english, plan)))
    english_docx = docx_text(body(download(client, english, plan, "docx")))

    assert "Note pour les élus" in french_pdf and "Prochaines étapes" in french_pdf
    assert "Note for elected officials" in english_pdf and "Next steps" in english_pdf
    assert "Prochaines étapes" not in english_pdf
    assert "Next steps" in english_docx and "Risks" in english_docx
    assert "Aller vers les habitants" in english_pdf  # copied content stays as it was copied
    assert catalog(body(download(client, english, plan)))["/Lang"] == "en"


def test_only_collaborators_get_the_note(client, plan, mayor_aide):
    stranger, reader_member = MemberFactory(), MemberFactory()
    invite(plan, reader_member, Collaborator.Role.READER)
    url = f"/fr/transpositions/plan/{plan.pk}/note/pdf/"

    assert client.get(url).status_code == 302
    assert "/login" in client.get(url)["Location"] or "next=" in client.get(url)["Location"]
    assert download(client, stranger, plan).status_code == 404
    assert download(client, stranger, plan, "docx").status_code == 404
    assert download(client, reader_member, plan).status_code == 200
    assert download(client, mayor_aide, plan, "odt").status_code == 404
    client.force_login(mayor_aide.user)
    assert client.get("/fr/transpositions/plan/00000000-0000-4000-8000-000000000000/note/pdf/").status_code == 404


def test_no_contact_email_ever_in_the_note(client, plan, mayor_aide):
    pdf = body(download(client, mayor_aide, plan))
    docx = body(download(client, mayor_aide, plan, "docx"))

    assert "equipe@labo.fr" not in pdf_text(pdf)
    assert "@" not in pdf_text(pdf)
    assert "equipe@labo.fr" not in docx_text(docx)
    with zipfile_of(docx) as archive:
        assert not any(b"equipe@labo.fr" in archive.read(name) for name in archive.namelist())


def test_hostile_text_is_escaped_and_does_not_break_generation(client, plan, mayor_aide):
    plan.title = '<script>alert("x")</script> Plan'
    plan.core_elements = [{"text": "<img src=x onerror=alert(1)>", "decision": "keep", "why": "x" * 5000}]
    plan.risks = [{"text": "</li></ul><h1>Injected</h1>", "mitigation": "&amp; <b>bold</b>"}] * 60
    plan.save()

    html = note_html(build_note(plan))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html and "<h1>Injected" not in html
    pdf = download(client, mayor_aide, plan)
    docx = download(client, mayor_aide, plan, "docx")
    assert pdf.status_code == docx.status_code == 200
    assert '<script>alert("x")</script> Plan' in pdf_text(body(pdf))
    assert "</li></ul><h1>Injected</h1>" in docx_text(body(docx))
    assert 'filename="scriptalertxscript-plan.pdf"' in pdf["Content-Disposition"]


def test_copied_text_keeps_its_language_in_an_english_note(plan):
    with translation.override("en"):
        html = note_html(build_note(plan))

    assert '<html lang="en">' in html
    assert '<span class="note-item-text" lang="fr">Aller vers les habitants</span>' in html


def test_a_deleted_source_practice_is_said_and_the_note_still_made(client, plan, mayor_aide):
    plan.practice.delete()
    plan.refresh_from_db()

    text = pdf_text(body(download(client, mayor_aide, plan)))

    assert "Bibliothèque hors les murs" in text
    assert "La pratique source n'est plus publiée" in text
