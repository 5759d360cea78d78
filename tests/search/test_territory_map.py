"""The practices' territories on the lab map (``/<lang>/search/territories/``): live, public
practices in the page's language only, placed at their reference territory's centre, in a
fixed number of queries; the same public answer for every reader."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from factories import LabPageFactory
from factories.practices import PracticePageFactory
from factories.territories import load_centres, load_reference, territory
from factories.translations import translate_page
from wagtail.models import PageViewRestriction

from territories.models import Level

URL = "/fr/search/territories/"


@pytest.fixture
def placed(home):
    """The shipped extract and its centres: ``placed(level, code)`` finds a territory."""
    load_reference()
    load_centres()
    return territory


def practice(lab, territory=None, **fields):
    """A practice whose name and population come from its reference territory."""
    if territory is None:
        return PracticePageFactory(parent=lab, territory_name="Lyon", **fields)
    return PracticePageFactory(parent=lab, territory_name="", population=None, reference_territory=territory, **fields)


def points(client, url=URL) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return {point["name"]: point for point in response.json()["territories"]}


def test_live_public_practices_of_the_page_language_at_their_territory_centre(client, placed):
    lab = LabPageFactory()
    saint_etienne = placed(Level.COMMUNE, "42218")
    for title in ("Delta", "Alpha", "Charlie", "Bravo"):
        practice(lab, saint_etienne, title=title)
    mulhouse = practice(lab, placed(Level.COMMUNE, "68224"), title="Écho")
    practice(lab, placed(Level.COMMUNE, "44109"), title="Brouillon", live=False)
    private = practice(lab, placed(Level.COMMUNE, "59350"), title="Réservée")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    practice(lab, placed(Level.COMMUNE, "42004"), title="Sans centre")
    practice(lab, title="Sans territoire")

    response = client.get(URL)
    assert "public" in response["Cache-Control"] and not response.cookies
    found = points(client)
    assert set(found) == {"Saint-Étienne", "Mulhouse"}
    point = found["Saint-Étienne"]
    assert (point["lat"], point["lng"], point["kind"], point["count"]) == (45.4283, 4.3807, "commune", 4)
    assert [practice["title"] for practice in point["practices"]] == ["Alpha", "Bravo", "Charlie"]
    assert found["Mulhouse"]["practices"] == [{"title": "Écho", "url": mulhouse.url}]
    assert points(client, "/en/search/territories/") == {}  # nothing written in English yet

    english = translate_page(mulhouse, "en", title="Echo")
    found = points(client, "/en/search/territories/")
    assert found["Mulhouse"]["practices"] == [{"title": "Echo", "url": english.url}]
    assert set(found) == {"Mulhouse"}


def test_an_epci_or_a_departement_is_placed_at_its_derived_centre(client, placed):
    lab = LabPageFactory()
    practice(lab, placed(Level.EPCI, "246301097"))
    practice(lab, placed(Level.DEPARTEMENT, "971"))
    found = points(client)
    assert found["CC Entre Dore et Allier"]["kind"] == "communauté de communes"
    assert found["Guadeloupe"]["lat"] == placed(Level.DEPARTEMENT, "971").latitude


def test_a_fixed_number_of_queries_whatever_the_number_of_practices(client, placed, settings):
    settings.PRAXIS_FRAGMENT_CACHE_SECONDS = 0  # every request computes the points
    lab = LabPageFactory()
    practice(lab, placed(Level.COMMUNE, "42218"))

    def queries() -> int:
        client.get(URL)
        with CaptureQueriesContext(connection) as captured:
            client.get(URL)
        return len(captured)

    few = queries()
    for code in ("68224", "75056", "44109", "59183", "31555", "63195", "97101"):
        for _ in range(2):
            practice(lab, placed(Level.COMMUNE, code))
    assert len(points(client)) == 8
    assert queries() == few <= 4


def test_the_points_are_cached_until_content_changes(client, placed, django_assert_max_num_queries):
    lab = LabPageFactory()
    practice(lab, placed(Level.COMMUNE, "42218"))
    points(client)
    with django_assert_max_num_queries(2):  # the site and the content version, for the fragment's key
        points(client)
    practice(lab, placed(Level.COMMUNE, "68224"))
    assert set(points(client)) == {"Saint-Étienne", "Mulhouse"}


def test_the_lab_map_names_both_endpoints_and_never_holds_the_readers_territory(client, placed):
    lab = LabPageFactory(latitude="47.75", longitude="7.34")
    client.post("/fr/territory/", {"territory": "commune:42218"})
    html = client.get(lab.get_parent().url).content.decode()
    assert 'data-territories-url="/fr/search/territories/"' in html
    assert 'data-reader-url="/fr/territory/mine/"' in html
    assert "Saint-Étienne" not in html
