"""The lab directory filters by country, level of government and status, without JavaScript."""

from html import unescape

import pytest
from factories import LabPageFactory

from labs import services


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
    """The labs the page shows, in order (cards' titles)."""
    html = response.content.decode()
    return [
        unescape(part.split('">', 1)[1].split("</a>", 1)[0])
        for part in html.split('<h2 class="card__title"><a href=')[1:]
    ]


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


def map_points_of(client, response):
    """The markers the page's map fetches: the URL it names in ``data-points-url``."""
    html = response.content.decode()
    url = html.split('data-points-url="')[1].split('"')[0].replace("&amp;", "&")
    answer = client.get(url)
    assert answer.status_code == 200 and answer["Content-Type"] == "application/json"
    return answer.json()["points"]


def test_map_data_lists_only_labs_with_coordinates(client, labs):
    LabPageFactory(title="Labo brouillon", latitude="48.1", longitude="-1.6", live=False)
    response = client.get(labs["lille"].get_parent().url)
    html = response.content.decode()
    assert 'id="lab-map-data"' not in html  # the page does not carry the markers
    assert "2 laboratoires placés sur la carte" in html
    data = map_points_of(client, response)
    assert sorted(point["name"] for point in data) == ["Labo Lille", "MindLab"]  # never the draft
    assert {"lat", "lng", "url", "place", "status"} <= set(data[0])
    assert 'data-tile-url=""' in html  # no tile server in tests


def test_map_data_follows_the_directory_filters(client, labs):
    directory = labs["lille"].get_parent().url
    response = client.get(directory, {"country": "DK", "page": "1"})
    assert [point["name"] for point in map_points_of(client, response)] == ["MindLab"]
    assert "page=" not in response.content.decode().split('data-points-url="')[1].split('"')[0]
    assert client.get(f"{directory}markers/", {"status": "exploded"}).status_code == 200  # ignored, not a 500


def test_directory_is_paginated(client, labs, monkeypatch):
    monkeypatch.setattr(services, "LABS_PER_PAGE", 2)
    directory = labs["lille"].get_parent().url
    first = client.get(directory)
    assert titles(first) == ["Labo Lille", "Labo Val-d'Oise"]
    assert "3 laboratoires" in first.content.decode()
    assert 'rel="next"' in first.content.decode()
    assert titles(client.get(directory, {"page": "2"})) == ["MindLab"]
