"""Practice sheets and dossiers are tagged PDF/UA (RGAA 13.3): structure tree, language,
title, headings and lists, checked by reading the files with pypdf."""

import pytest
from factories import PolicyAreaFactory, PracticePageFactory
from factories.translations import translate_page
from pdf_structure import catalog, reader, structure_types


@pytest.fixture
def practice(home):
    return PracticePageFactory(
        title="Carte culture jeunes",
        core_elements="Gratuité de la carte\nPartenariat avec les médiathèques",
        adaptable_elements="Tranche d'âge",
        policy_areas=[PolicyAreaFactory(name="Lecture publique", slug="lecture-publique")],
    )


def assert_tagged(content: bytes, language: str, title: str) -> list[str]:
    root = catalog(content)
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == language
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert title in reader(content).metadata.title
    types = structure_types(content)
    for expected in ("/Document", "/H1", "/H2", "/P", "/L", "/LI", "/LBody"):
        assert expected in types, expected
    assert types.index("/H1") < types.index("/H2")  # the sheet's title comes first
    return types


def test_practice_sheet_is_tagged_pdf_ua_in_the_reader_language(client, practice):
    response = client.get(practice.url + "sheet/")

    assert response.status_code == 200
    assert_tagged(response.content, "fr", "Carte culture jeunes")
    xmp = catalog(response.content)["/Metadata"].get_object().get_data()
    assert b"pdfuaid" in xmp  # the PDF/UA identification


def test_english_sheet_declares_english(client, practice):
    english = translate_page(practice, "en", title="Youth culture card")

    response = client.get(english.url + "sheet/")

    assert response.status_code == 200
    assert_tagged(response.content, "en", "Youth culture card")


def test_dossier_is_tagged_with_one_heading_per_practice(client, practice):
    area = practice.policy_areas.first()
    PracticePageFactory(title="Médiathèque de Lezoux", policy_areas=[area])

    response = client.get("/fr/search/export/pdf/", {"policy_area": "lecture-publique"}, follow=True)

    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    types = assert_tagged(content, "fr", "Dossier")
    assert types.count("/H1") == 3  # the contents, then each practice's title
