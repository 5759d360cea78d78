"""The practice sheet is a real PDF with the practice's title and transposition sheet."""

import io

import pytest
from factories import InstrumentFactory, PracticePageFactory
from pypdf import PdfReader

from practices.pdf import ForbiddenFetch, url_fetcher


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def practice(home):
    return PracticePageFactory(
        title="Carte culture jeunes",
        territory_name="Mulhouse",
        legal_competence="commune",
        budget_range="10k-50k",
        core_elements="Gratuité de la carte\nPartenariat avec les médiathèques",
        adaptable_elements="Tranche d'âge",
        contact_name="Camille Martin",
        contact_email="camille.martin@example.org",
        instruments=[InstrumentFactory(name="Subvention municipale", slug="subvention-municipale")],
    )


def test_sheet_is_a_valid_pdf_with_title_and_transposition_sheet(client, practice):
    response = client.get(practice.url + "sheet/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content)
    assert "Carte culture jeunes" in text
    assert "Transposition sheet" in text or "Fiche de transposition" in text
    assert "Gratuité de la carte" in text
    assert "Subvention municipale" in text


def test_sheet_never_carries_the_contact_email(client, superuser, practice):
    client.force_login(superuser)
    text = pdf_text(client.get(practice.url + "sheet/").content)
    assert "Camille Martin" in text
    assert "camille.martin@example.org" not in text


def test_sheet_of_a_draft_is_not_served(client, home):
    draft = PracticePageFactory(live=False)
    response = client.get(f"/fr/{draft.get_parent().get_parent().slug}/{draft.get_parent().slug}/{draft.slug}/sheet/")
    assert response.status_code == 404


def test_pdf_rendering_never_fetches_remote_urls():
    with pytest.raises(ForbiddenFetch):
        url_fetcher("https://tiles.example.org/evil.png")
    response = url_fetcher("/static/praxis/sheet.css")
    assert response.read().startswith(b"/*")


def test_practice_page_links_to_its_pdf_sheet(client, practice):
    html = client.get(practice.url).content.decode()
    assert f'href="{practice.url}sheet/"' in html
