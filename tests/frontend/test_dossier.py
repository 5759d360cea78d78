"""A search exported as one PDF dossier of practice sheets, for a committee."""

import io

from factories import PolicyAreaFactory, PracticePageFactory
from pypdf import PdfReader


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_search_results_export_as_one_pdf_dossier(client, home):
    area = PolicyAreaFactory(name="Lecture publique", slug="lecture-publique")
    PracticePageFactory(title="Carte culture jeunes", policy_areas=[area], core_elements="Gratuité")
    PracticePageFactory(title="Médiathèque de Lezoux", policy_areas=[area])
    PracticePageFactory(title="Brouillon à ne pas montrer", policy_areas=[area], live=False)
    PracticePageFactory(title="Hors sujet")

    response = client.get("/fr/search/export/pdf/", {"policy_area": "lecture-publique"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Carte culture jeunes" in text and "Médiathèque de Lezoux" in text
    assert "Brouillon à ne pas montrer" not in text
    assert "Hors sujet" not in text


def test_empty_search_gives_a_404_not_an_empty_pdf(client, home):
    response = client.get("/fr/search/export/pdf/", {"q": "zzzqqqxxx"})
    assert response.status_code == 404
