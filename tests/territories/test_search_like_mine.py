"""The search: "closest to my territory" and "territories like mine", explained per result,
in a fixed number of queries; and plain notices when the reader has no territory."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from factories.practices import PracticePageFactory

from territories.models import Level, Territory

SEARCH = "/en/search/"


@pytest.fixture
def practices(reference, home):
    """Practices in Mulhouse (a commune like Saint-Étienne), Lezoux (a small commune nearby),
    Saint-Étienne Métropole, Guadeloupe, and one abroad without a reference territory."""
    made = {}
    for key, level, code in [
        ("mulhouse", Level.COMMUNE, "68224"),
        ("lezoux", Level.COMMUNE, "63195"),
        ("metropole", Level.EPCI, "244200770"),
        ("guadeloupe", Level.DEPARTEMENT, "971"),
    ]:
        territory = reference(level, code)
        made[key] = PracticePageFactory(
            title=f"Practice {key}", territory_name=territory.name, reference_territory=territory
        )
    made["abroad"] = PracticePageFactory(title="Practice abroad", territory_name="Aarhus", country="DK")
    return made


def titles(response) -> list[str]:
    assert response.status_code == 200
    return [practice.title for practice in response.context["search"].results]


def choose(client, code="42218", level="commune"):
    assert client.post("/en/territory/", {"territory": f"{level}:{code}"}).status_code == 302


def test_closest_first_with_the_reason_in_plain_words(client, practices):
    choose(client)  # Saint-Étienne
    response = client.get(SEARCH, {"sort": "closest"})
    assert titles(response) == [
        "Practice mulhouse",  # a commune of similar size
        "Practice lezoux",  # a commune, smaller, in the same région
        "Practice metropole",  # an EPCI, in the same département
        "Practice guadeloupe",
        "Practice abroad",  # no reference territory: last
    ]
    html = response.content.decode()
    assert "Close to yours: commune of 104,978 inhabitants, like yours." in html
    assert "in your département" in html
    assert "private" in response["Cache-Control"]


def test_like_mine_keeps_the_territories_like_the_readers_with_the_same_counts(client, practices):
    choose(client)
    response = client.get(SEARCH, {"like": "mine"})
    assert titles(response) == ["Practice mulhouse"]
    assert response.context["search"].total == 1
    assert 'name="like" value="mine" checked' in response.content.decode()
    choose(client, "246301097", "epci")  # a CC: no practice of a CC
    assert titles(client.get(SEARCH, {"like": "mine"})) == []


def test_the_same_number_of_queries_with_and_without_the_territory_choices(client, practices):
    choose(client)
    client.get(SEARCH, {"q": "practice"})  # what every search reads (menus, vocabularies) is kept
    client.get(SEARCH, {"year_from": "1900"})  # and the readable ids, kept by a first browse (search.services.found)
    counts = {}
    for name, query in [("plain", {}), ("closest", {"sort": "closest"}), ("like", {"like": "mine", "sort": "closest"})]:
        for turn in ("first", "again"):  # asked again: the answer is kept (search.services.kept)
            with CaptureQueriesContext(connection) as captured:
                assert client.get(SEARCH, query).status_code == 200
            # Besides the statement over the catalogue: the choices order and narrow it, where a
            # plain browse is counted in memory (``search.services.tally``, PostgreSQL).
            counts[name, turn] = sum(not query["sql"].startswith("WITH scope") for query in captured)
    for turn in ("first", "again"):
        assert counts["closest", turn] == counts["plain", turn]
        assert counts["like", turn] == counts["plain", turn]


def test_without_a_territory_the_reader_is_told_why_nothing_changed(client, practices):
    response = client.get(SEARCH, {"sort": "closest", "like": "mine"})
    notices = " ".join(response.context["search"].notices)
    assert "Say where you work to sort by closeness" in notices
    assert "Say where you work to see the practices of territories like yours" in notices
    assert len(titles(response)) == 5
    assert "Close to yours" not in response.content.decode()


def test_an_unknown_like_value_is_ignored_with_a_notice(client, practices):
    choose(client)
    response = client.get(SEARCH, {"like": "yours"})
    assert "“territories like mine” ignored" in " ".join(response.context["search"].notices)
    assert len(titles(response)) == 5


def test_a_reader_whose_territory_left_the_dataset_still_searches(client, practices):
    choose(client)
    Territory.objects.filter(code="42218").update(historical=True)
    assert titles(client.get(SEARCH, {"sort": "closest"}))[0] == "Practice mulhouse"
