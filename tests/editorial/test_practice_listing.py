"""The admin list of practices: filters by taxonomy, lab, stage, status, locale and freshness."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from factories import (
    InstrumentFactory,
    LabPageFactory,
    MethodFactory,
    PolicyAreaFactory,
    PracticePageFactory,
    TerritoryTypeFactory,
)
from factories.editorial import in_english
from factories.translations import translate_page

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def listing(client, reviewer):
    client.force_login(in_english(reviewer))

    def get(query=""):
        response = client.get(reverse("practices:index") + query)
        assert response.status_code == 200
        return response.content.decode()

    return get


@pytest.fixture
def catalogue(home):
    housing, culture = PolicyAreaFactory(name="Logement"), PolicyAreaFactory(name="Culture")
    rural = TerritoryTypeFactory(name="Rural")
    call = InstrumentFactory(name="Appel à projets")
    design = MethodFactory(name="Design")
    drome, landes = LabPageFactory(title="Lab Drôme"), LabPageFactory(title="Lab Landes")
    return {
        "terms": {"housing": housing, "culture": culture, "rural": rural, "call": call, "design": design},
        "labs": {"drome": drome, "landes": landes},
        "housing": PracticePageFactory(
            parent=drome,
            title="Colocation solidaire",
            policy_areas=[housing],
            territory_types=[rural],
            labs=[drome],
            lifecycle_stage="scaled",
            last_verified=TODAY - datetime.timedelta(days=30),
        ),
        "library": PracticePageFactory(
            parent=landes,
            title="Bibliothèque mobile",
            policy_areas=[culture],
            instruments=[call],
            methods=[design],
            labs=[landes],
            lifecycle_stage="idea",
            last_verified=TODAY - datetime.timedelta(days=800),
        ),
        "draft": unpublished(PracticePageFactory(parent=landes, title="Brouillon jamais vérifié", labs=[landes])),
    }


def unpublished(page):
    page.unpublish()
    page.refresh_from_db()
    return page


def titles(html, catalogue):
    return {key for key in ("housing", "library", "draft") if catalogue[key].title in html}


def test_listing_shows_every_practice_with_its_columns(listing, catalogue):
    html = listing()
    assert titles(html, catalogue) == {"housing", "library", "draft"}
    for header in ("Labs", "Stage", "Last verified", "Status"):
        assert header in html
    assert "Lab Drôme" in html and "Scaled up" in html
    assert "Never (stale)" in html  # the draft was never verified


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("policy_areas={housing}", {"housing"}),
        ("policy_areas={housing}&policy_areas={culture}", {"housing", "library"}),
        ("territory_types={rural}", {"housing"}),
        ("instruments={call}", {"library"}),
        ("methods={design}", {"library"}),
        ("lifecycle_stage=idea", {"library"}),
        ("status=live", {"housing", "library"}),
        ("status=draft", {"draft"}),
        ("verification=stale", {"library", "draft"}),
        ("verification=fresh", {"housing"}),
    ],
)
def test_filters(listing, catalogue, query, expected):
    pks = {name: term.pk for name, term in catalogue["terms"].items()}
    assert titles(listing("?" + query.format(**pks)), catalogue) == expected


def test_lab_filter_matches_the_lab_in_any_language(listing, catalogue):
    english_lab = translate_page(catalogue["labs"]["landes"], "en", title="Landes lab")
    assert titles(listing(f"?labs={catalogue['labs']['landes'].pk}"), catalogue) == {"library", "draft"}
    assert titles(listing(f"?labs={english_lab.pk}"), catalogue) == {"library", "draft"}


def test_locale_filter(listing, catalogue):
    english = translate_page(catalogue["housing"], "en", title="Solidarity flat-sharing")
    assert "Solidarity flat-sharing" in listing("?locale=en")
    assert catalogue["housing"].title not in listing("?locale=en")
    assert english.title not in listing("?locale=fr")


def test_stale_matches_the_model(catalogue):
    assert catalogue["library"].is_stale and catalogue["draft"].is_stale
    assert not catalogue["housing"].is_stale


def test_bad_filter_values_do_not_break_the_listing(listing, catalogue):
    # Rendered (status 200, checked by the fixture), the invalid values ignored.
    html = listing("?policy_areas=not-a-number&lifecycle_stage=unknown&verification=whatever&labs=999999")
    assert "Colocation solidaire" in html


def test_labs_column_costs_one_query_whatever_the_number_of_practices(client, reviewer, catalogue):
    """(wagtail-localize's own "Translate" buttons still cost two queries per row.)"""
    client.force_login(reviewer)
    url = reverse("practices:index")
    for number in range(6):
        drome = catalogue["labs"]["drome"]
        PracticePageFactory(parent=drome, labs=[drome], title=f"Extra {number}")
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    assert "Extra 5" in html and html.count("Lab Drôme") >= 7
    lab_queries = [query["sql"] for query in queries.captured_queries if "practicepage_labs" in query["sql"]]
    assert len(lab_queries) == 1, lab_queries
