"""schema.org JSON-LD on practice and lab pages."""

import json
import re

from factories import LabPageFactory, PolicyAreaFactory, PracticePageFactory

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(html: str) -> list[dict]:
    return [json.loads(block) for block in LD_JSON.findall(html)]


def test_practice_page_has_json_ld_with_its_name_and_licence(client, home):
    lab = LabPageFactory(title="Lab ouvert")
    draft_lab = LabPageFactory(title="Lab caché", live=False)
    area = PolicyAreaFactory(name="Logement", slug="logement-ld")
    practice = PracticePageFactory(
        parent=lab,
        title="Carte </script><b>culture</b>",
        contact_email="secret@example.org",
        labs=[lab, draft_lab],
        policy_areas=[area],
        latitude="47.750800",
        longitude="7.335900",
        licence="CC-BY-4.0",
    )

    response = client.get(practice.url)

    assert response.status_code == 200
    html = response.content.decode()
    (data,) = [block for block in json_ld(html) if block.get("@type") == "Article"]
    assert data["@context"] == "https://schema.org"
    assert data["name"] == practice.title  # the closing tag in the title did not break out
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["inLanguage"] == "fr"
    assert data["about"][0]["termCode"] == "logement-ld"
    assert data["spatialCoverage"]["geo"] == {"@type": "GeoCoordinates", "latitude": 47.7508, "longitude": 7.3359}
    assert [author["name"] for author in data["author"]] == ["Lab ouvert"]
    assert "secret@example.org" not in html.split("<body")[0]
    assert "</script><b>" not in LD_JSON.search(html).group(1)


def test_lab_page_has_json_ld_without_contact_email(client, home):
    lab = LabPageFactory(
        title="Lab du Val-d'Oise",
        acronym="LVO",
        institution_type="departement",
        city="Cergy",
        founded_year=2016,
        website="https://lab.example.org/",
        contact_email="lab@example.org",
    )

    response = client.get(lab.url)

    assert response.status_code == 200
    (data,) = [block for block in json_ld(response.content.decode()) if "Organization" in block.get("@type", "")]
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "Lab du Val-d'Oise"
    assert data["alternateName"] == "LVO"
    assert data["address"]["addressLocality"] == "Cergy"
    assert data["foundingDate"] == "2016"
    assert data["sameAs"] == ["https://lab.example.org/"]
    assert "lab@example.org" not in json.dumps(data)
