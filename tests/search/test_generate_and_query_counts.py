"""``manage.py generate_practices`` (the benchmark's data) and the number of SQL queries per
search page, which must not grow with the number of results or facet values."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from labs.models import LabPage
from practices.models import PracticePage
from taxonomy.models import PolicyArea, TerritoryType

# PostgreSQL: each text match is one statement between two SET LOCAL.
MAX_SEARCH_QUERIES = 40


def test_generate_practices_creates_tops_up_and_indexes(client, db):
    call_command("generate_practices", 12, labs=3, translated=0.5, verbosity=0)

    def french():
        return PracticePage.objects.live().filter(locale__language_code="fr", external_id__startswith="gen-")

    assert french().count() == 12
    assert LabPage.objects.filter(locale__language_code="fr", external_id__startswith="gen-").count() == 3
    assert PracticePage.objects.filter(locale__language_code="en").exists()
    assert all(practice.policy_areas.exists() for practice in french())
    assert Page.find_problems() == ([], [], [], [], [])  # a valid tree
    assert client.get(french().first().url).status_code == 200
    call_command("generate_practices", 20, labs=3, verbosity=0)
    assert french().count() == 20
    # Indexed: the search page finds them by their words.
    response = client.get("/fr/search/", {"q": french().last().territory_name})
    assert response.context["search"].total > 0


@pytest.fixture
def search_queries(client, db, django_assert_max_num_queries):
    """``search_queries(**params)``: the queries of a second search (the first warms the
    caches: site root paths, content types), at most ``MAX_SEARCH_QUERIES``, and its response."""

    def measure(**params):
        client.get("/fr/search/", params)
        with django_assert_max_num_queries(MAX_SEARCH_QUERIES) as captured:
            response = client.get("/fr/search/", params)
        assert response.status_code == 200
        return len(captured), response

    return measure


def test_search_queries_do_not_grow_with_results_or_facet_values(search_queries):
    call_command("generate_practices", 6, labs=2, verbosity=0)
    small, _response = search_queries(q="projet", policy_area="logement")
    small_browse, _response = search_queries()
    call_command("generate_practices", 40, labs=8, verbosity=0)
    large, _response = search_queries(q="projet", policy_area="logement")
    large_browse, browse = search_queries()
    assert len(browse.context["search"].results) == 20
    assert large == small
    assert large_browse == small_browse


def test_with_several_facets_every_count_applies_every_other_facet(client, db):
    """With selections in several facets the search only looks at practices passing one of
    two of them (``Selection.candidates``): every count must still equal the ORM's count
    of practices passing all the *other* facets."""
    call_command("generate_practices", 80, labs=6, translated=0.3, verbosity=0)
    french = PracticePage.objects.live().public().filter(locale__language_code="fr")
    area = PolicyArea.objects.filter(practices__in=french).order_by("slug").first()
    territory = TerritoryType.objects.filter(practices__in=french).order_by("slug").first()
    stage = french.order_by("pk").first().lifecycle_stage
    chosen = {"policy_area": area.slug, "territory_type": territory.slug, "stage": stage}
    filters = {
        "policy_area": {"policy_areas": area},
        "territory_type": {"territory_types": territory},
        "stage": {"lifecycle_stage": stage},
    }

    def passing(*facets):
        practices = french
        for name in facets:
            practices = practices.filter(**filters[name])
        return practices.distinct()

    search = client.get("/fr/search/", chosen).context["search"]
    assert search.total == passing(*filters).count()
    groups = {group.name: group for group in search.facets}
    for term in PolicyArea.objects.all():
        value = next(item for item in groups["policy_area"].values if item.value == term.slug)
        expected = passing("territory_type", "stage").filter(policy_areas=term).count()
        assert value.count == expected, term.slug
    for value in groups["stage"].values:
        expected = passing("policy_area", "territory_type").filter(lifecycle_stage=value.value).count()
        assert value.count == expected, value.value
    for value in groups["country"].values:
        assert value.count == passing(*filters).filter(country=value.value).count(), value.value
