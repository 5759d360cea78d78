"""The practice page next to the reader's territory: the comparison and the competence check;
nothing personal (and still publicly cacheable) for a reader without a territory."""

import pytest
from factories.practices import PolicyAreaFactory, PracticePageFactory

from territories.models import CompetenceRule, Level


@pytest.fixture
def practice(reference, home):
    area = PolicyAreaFactory(slug="aide-sociale-test", name="Aide sociale")
    CompetenceRule.objects.create(policy_area=area, level=Level.DEPARTEMENT, note="RSA and child protection")
    return PracticePageFactory(
        title="Insertion des allocataires du RSA",
        territory_name="",
        population=None,
        reference_territory=reference(Level.DEPARTEMENT, "971"),
        legal_competence="departement",
        policy_areas=[area],
    )


def test_a_commune_reader_sees_the_comparison_and_who_holds_the_competence(client, practice):
    client.post("/en/territory/", {"territory": "commune:42218"})
    response = client.get(practice.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-territory-comparison" in html
    assert "Guadeloupe" in html
    assert "data-competence-warning" in html
    assert "RSA and child protection" in html
    assert "Loire" in html  # the reader's own département holds it
    assert "private" in response["Cache-Control"]


def test_the_departement_itself_gets_no_warning(client, practice):
    client.post("/en/territory/", {"territory": "departement:971"})
    html = client.get(practice.url).content.decode()
    assert "data-territory-comparison" in html
    assert "data-competence-warning" not in html


def test_without_a_territory_only_the_picker_and_a_public_page(client, practice):
    response = client.get(practice.url)
    html = response.content.decode()
    assert "data-territory-comparison" not in html
    assert "data-territory-picker" in html
    assert "public" in response["Cache-Control"]
    assert "csrfmiddlewaretoken" not in html  # no cookie: the page stays cacheable


def test_a_practice_abroad_is_not_compared_but_still_checked(client, reference, home):
    abroad = PracticePageFactory(territory_name="Aarhus", country="DK", legal_competence="region")
    client.post("/en/territory/", {"territory": "commune:42218"})
    html = client.get(abroad.url).content.decode()
    assert "not in the French reference" in html or "pas dans le référentiel" in html
    assert "data-competence-warning" in html
    assert "Auvergne-Rhône-Alpes" in html
