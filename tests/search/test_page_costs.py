"""Every page's cost is independent of the size of the catalogue: the same number of SQL
queries with 5 practices as with 30, for listings (home, practice index, lab directory and
its map markers, lab and programme pages, search, feeds, API), whether the fragments every
reader sees are cached or not. What is cached is renewed when content is published, and
drafts and private pages never show."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from factories import LabPageFactory, PracticeIndexPageFactory, PracticePageFactory, ProgrammePageFactory
from wagtail.models import PageViewRestriction

from labs.models import LabIndexPage, LabPage
from practices.models import PracticeIndexPage, PracticePage

SEARCH = {"q": "projet", "policy_area": "logement"}
API = "/api/v2/pages/?type=practices.PracticePage&fields=title&limit=20"


@pytest.fixture(params=["uncached", "cached"])
def fragments(request, settings):
    if request.param == "uncached":
        settings.PRAXIS_FRAGMENT_CACHE_SECONDS = 0
    return request.param


def urls(programme) -> dict:
    lab = LabPage.objects.get(locale__language_code="fr", slug="gen-lab-1")
    directory = LabIndexPage.objects.get(locale__language_code="fr").url
    return {
        "home": ("/fr/", {}),
        "practice index": (PracticeIndexPage.objects.get(locale__language_code="fr").url, {}),
        "lab directory": (directory, {}),
        "lab map markers": (f"{directory}markers/", {}),
        "lab page": (lab.url, {}),
        "programme page": (programme.url, {}),
        "search page": ("/fr/search/", SEARCH),
        "feed (newest)": ("/fr/search/feed/rss/", {}),
        "feed (search)": ("/fr/search/feed/atom/", SEARCH),
        "API listing": ("/api/v2/pages/", {"type": "practices.PracticePage", "limit": 20}),
    }


def costs(client, programme) -> dict:
    """The queries of a second request to each page (the first warms what it may cache)."""
    PracticePage.objects.filter(external_id__startswith="gen-").update(programme=programme)
    counts = {}
    for name, (url, params) in urls(programme).items():
        assert client.get(url, params).status_code == 200, name
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, params)
        assert response.status_code == 200, name
        counts[name] = len(captured)
    return counts


def test_no_page_costs_more_queries_with_more_practices(client, db, fragments):
    call_command("generate_practices", 5, labs=2, translated=0.5, verbosity=0)
    programme = ProgrammePageFactory(parent=LabIndexPage.objects.get(locale__language_code="fr"))
    few = costs(client, programme)
    call_command("generate_practices", 30, labs=2, translated=0.5, verbosity=0)
    cache.clear()
    many = costs(client, programme)
    assert many == few
    if fragments == "cached":
        assert few["home"] <= 12  # the shell and the page: the sections come from the cache
        assert few["lab map markers"] <= few["lab directory"]


def test_publishing_a_practice_renews_the_home_page_and_the_index(client, home):
    lab = LabPageFactory(title="Labo Lille")
    PracticePageFactory(parent=lab, title="Carte culture jeunes", labs=[lab])
    index = PracticeIndexPageFactory()
    assert "Carte culture jeunes" in client.get("/fr/").content.decode()  # now cached
    assert "Carte culture jeunes" in client.get(index.url).content.decode()
    assert "Carte culture jeunes" in client.get("/fr/search/feed/rss/").content.decode()
    assert "Carte culture jeunes" in client.get(API).content.decode()

    PracticePageFactory(parent=lab, title="Brouillon secret", labs=[lab], live=False)
    private = PracticePageFactory(parent=lab, title="Pratique réservée", labs=[lab])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    PracticePageFactory(parent=lab, title="Permis de végétaliser", labs=[lab])

    html = client.get("/fr/").content.decode()
    latest = html.split('id="home-latest"')[1]
    assert "Permis de végétaliser" in latest  # the publication renewed the cached sections
    assert "Brouillon secret" not in html and "Pratique réservée" not in html
    for url in (index.url, "/fr/search/feed/rss/", API):
        listing = client.get(url).content.decode()
        assert "Permis de végétaliser" in listing, url
        assert "Brouillon secret" not in listing and "Pratique réservée" not in listing, url

    PracticePage.objects.get(title="Permis de végétaliser").unpublish()
    for url in ("/fr/", index.url, "/fr/search/feed/rss/", API):
        assert "Permis de végétaliser" not in client.get(url).content.decode(), url


def test_a_bad_api_parameter_is_a_400_even_after_a_cached_answer(client, home):
    PracticePageFactory(title="Carte culture jeunes")
    assert client.get(API).status_code == 200
    assert client.get(API + "&start_year=abc").status_code == 400
    assert client.get(API + "&nonsense=1").status_code == 400
