"""The reader says where they work: autocomplete by name or code, a choice kept in the session,
and every kind of bad input answered plainly."""

import pytest
from factories.territories import load_centres

from territories.models import Level

AUTOCOMPLETE = "/en/territory/autocomplete/"
CHOOSE = "/en/territory/"


def names(response) -> list[str]:
    assert response.status_code == 200
    return [result["name"] for result in response.json()["results"]]


@pytest.mark.parametrize("typed", ["Saint-Étienne", "saint etienne", "SAINT ETIENNE", "saint-etienne"])
def test_a_name_is_found_with_or_without_accents_and_hyphens(client, reference, typed):
    assert names(client.get(AUTOCOMPLETE, {"q": typed}))[0] == "Saint-Étienne"  # the whole name first


def test_a_beginning_finds_the_largest_first(client, reference):
    assert names(client.get(AUTOCOMPLETE, {"q": "saint éti"})) == ["Saint-Étienne Métropole", "Saint-Étienne"]


def test_a_word_inside_the_name_and_a_code_find_it_too(client, reference):
    assert "Saint-Étienne" in names(client.get(AUTOCOMPLETE, {"q": "etienne"}))
    results = client.get(AUTOCOMPLETE, {"q": "42218"}).json()["results"]
    assert results[0]["key"] == "commune:42218"
    assert results[0]["label"] == "Saint-Étienne — commune, Loire (42218)"
    assert names(client.get(AUTOCOMPLETE, {"q": "244200770"})) == ["Saint-Étienne Métropole"]


def test_the_largest_come_first_and_a_level_can_be_asked(client, reference):
    assert names(client.get(AUTOCOMPLETE, {"q": "paris"}))[:2] == ["Paris", "Paris"]  # commune and département
    assert names(client.get(AUTOCOMPLETE, {"q": "paris", "level": "departement"})) == ["Paris"]


def test_a_merged_commune_says_where_it_went(client, reference):
    result = client.get(AUTOCOMPLETE, {"q": "Amions"}).json()["results"][0]
    assert result["historical"] is True
    assert result["label"].endswith("merged into Vézelin-sur-Loire")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"q": "x" * 101}, "at most 100 characters"),
        ({"q": "paris", "level": "canton"}, "Unknown level"),
    ],
)
def test_bad_autocomplete_input_is_a_400_with_a_reason(client, reference, query, message):
    response = client.get(AUTOCOMPLETE, query)
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_nothing_typed_or_nothing_found_is_an_empty_list(client, reference):
    assert names(client.get(AUTOCOMPLETE, {"q": ""})) == []
    assert names(client.get(AUTOCOMPLETE, {"q": "zzzz"})) == []
    assert names(client.get(AUTOCOMPLETE, {"q": "\x00paris"}))[0] == "Paris"


def test_choosing_by_key_keeps_it_in_the_session_and_goes_back(client, reference):
    response = client.post(CHOOSE, {"territory": "commune:42218", "next": "/fr/search/"})
    assert response.status_code == 302 and response["Location"] == "/fr/search/"
    page = client.get(CHOOSE)
    assert "You work in <strong>Saint-Étienne</strong>" in page.content.decode()
    assert "private" in page["Cache-Control"]
    client.post(CHOOSE, {"forget": "1"})
    assert "You work in" not in client.get(CHOOSE).content.decode()


def test_choosing_by_typed_name_or_code_without_javascript(client, reference):
    assert client.post(CHOOSE, {"q": "saint etienne"}).status_code == 302
    assert client.session["reader_territory"] == reference(Level.COMMUNE, "42218").pk
    assert client.post(CHOOSE, {"q": "246301097"}).status_code == 302
    assert client.session["reader_territory"] == reference(Level.EPCI, "246301097").pk


def test_homonyms_are_listed_to_pick_from(client, reference):
    response = client.post(CHOOSE, {"q": "Paris"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Several territories match “Paris”" in html
    assert 'value="commune:75056"' in html and 'value="departement:75"' in html


def test_a_merged_commune_chosen_becomes_the_commune_it_joined(client, reference):
    client.post(CHOOSE, {"territory": "commune:42004"})
    assert client.session["reader_territory"] == reference(Level.COMMUNE, "42268").pk


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"q": "Atlantis"}, "No French territory matches “Atlantis”"),
        ({"territory": "commune:99999"}, "not in the reference"),
        ({"territory": "region:42218"}, "not in the reference"),  # a commune's code at the wrong level
        ({"territory": "garbage"}, "not in the reference"),
        ({"q": "y" * 300}, "at most 100 characters"),
        ({"q": ""}, "Type the name or code"),
        ({"q": "Saint\x00-Étienne"}, "forbidden character (U+0000)"),  # PostgreSQL refuses NUL bytes
        ({"territory": "commune:42\x00218"}, "forbidden character (U+0000)"),
    ],
)
def test_bad_choices_get_a_plain_400(client, reference, data, message):
    response = client.post(CHOOSE, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "reader_territory" not in client.session


def test_the_next_url_must_be_on_this_site(client, reference):
    response = client.post(CHOOSE, {"territory": "commune:42218", "next": "https://evil.example/"})
    assert response["Location"] == "/en/territory/"


def test_the_autocomplete_costs_the_same_few_queries_whatever_it_finds(
    client, reference, django_assert_max_num_queries
):
    for typed in ("saint", "paris", "42218", "amions", "zzzz"):
        with django_assert_max_num_queries(3):
            assert client.get(AUTOCOMPLETE, {"q": typed}).status_code == 200


def test_the_readers_own_territory_for_the_map_is_private_to_them(client, reference):
    load_centres()
    response = client.get("/fr/territory/mine/")
    assert response.json() == {"territory": None}
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    client.post("/fr/territory/", {"territory": "commune:42218"})
    response = client.get("/fr/territory/mine/")
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    territory = response.json()["territory"]
    assert (territory["name"], territory["kind"], territory["lat"], territory["lng"]) == (
        "Saint-Étienne",
        "commune",
        45.4283,
        4.3807,
    )
    assert client.post("/fr/territory/mine/").status_code == 405
