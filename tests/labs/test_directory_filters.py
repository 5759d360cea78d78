"""The lab directory filters by country, level of government and status, without JavaScript."""

import json

import pytest
from factories import LabPageFactory


@pytest.fixture
def labs(home):
    return {
        "mindlab": LabPageFactory(
            title="MindLab",
            country="DK",
            government_level="national",
            status="closed",
            closed_year=2018,
            latitude="55.6761",
            longitude="12.5683",
        ),
        "lille": LabPageFactory(
            title="Labo Lille",
            country="FR",
            government_level="intermunicipal",
            latitude="50.6292",
            longitude="3.0573",
        ),
        "valdoise": LabPageFactory(title="Labo Val-d'Oise", country="FR", government_level="departmental"),
    }


def titles(response):
    return [lab.title for lab in response.context["labs"]]


def test_filters_by_country_level_and_status(client, labs):
    directory = labs["lille"].get_parent().url
    assert titles(client.get(directory, {"country": "FR"})) == ["Labo Lille", "Labo Val-d'Oise"]
    assert titles(client.get(directory, {"level": "departmental"})) == ["Labo Val-d'Oise"]
    assert titles(client.get(directory, {"status": "closed"})) == ["MindLab"]
    assert titles(client.get(directory, {"country": "FR", "status": "closed"})) == []


def test_unknown_filter_values_are_explained_not_a_500(client, labs):
    directory = labs["lille"].get_parent().url
    response = client.get(directory, {"country": "ZZ", "status": "exploded"})
    assert response.status_code == 200
    assert response.context["filter_form"].errors.keys() == {"country", "status"}
    assert len(titles(response)) == 3
    assert 'class="field-error"' in response.content.decode()


def test_map_data_lists_only_labs_with_coordinates(client, labs):
    response = client.get(labs["lille"].get_parent().url)
    html = response.content.decode()
    data = json.loads(html.split('<script id="lab-map-data" type="application/json">')[1].split("</script>")[0])
    assert sorted(point["name"] for point in data) == ["Labo Lille", "MindLab"]
    assert {"lat", "lng", "url", "place", "status"} <= set(data[0])
    assert 'data-tile-url=""' in html  # no tile server in tests
