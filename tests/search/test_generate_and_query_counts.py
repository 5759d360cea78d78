"""``manage.py generate_practices`` (the benchmark's data) and the number of SQL queries per
search page, which must not grow with the number of results or facet values."""

from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from labs.models import LabPage
from practices.models import PracticePage


class GeneratePracticesTests(TestCase):
    def test_generates_tops_up_and_indexes(self):
        call_command("generate_practices", 12, labs=3, translated=0.5, verbosity=0)

        def french():
            return PracticePage.objects.live().filter(locale__language_code="fr", external_id__startswith="gen-")

        self.assertEqual(french().count(), 12)
        self.assertEqual(LabPage.objects.filter(locale__language_code="fr", external_id__startswith="gen-").count(), 3)
        self.assertTrue(PracticePage.objects.filter(locale__language_code="en").exists())
        self.assertTrue(all(practice.policy_areas.exists() for practice in french()))
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))  # a valid tree
        self.assertEqual(self.client.get(french().first().url).status_code, 200)
        call_command("generate_practices", 20, labs=3, verbosity=0)
        self.assertEqual(french().count(), 20)
        # Indexed: the search page finds them by their words.
        response = self.client.get("/fr/search/", {"q": french().last().territory_name})
        self.assertGreater(response.context["search"].total, 0)


class QueryCountTests(TestCase):
    def queries_for(self, **params):
        self.client.get("/fr/search/", params)  # warm caches (site root paths, content types)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get("/fr/search/", params)
        self.assertEqual(response.status_code, 200)
        return len(queries), response

    def test_queries_do_not_grow_with_results_or_facet_values(self):
        call_command("generate_practices", 6, labs=2, verbosity=0)
        small, response = self.queries_for(q="projet", policy_area="logement")
        small_browse, _ = self.queries_for()
        call_command("generate_practices", 40, labs=8, verbosity=0)
        large, response = self.queries_for(q="projet", policy_area="logement")
        large_browse, browse = self.queries_for()
        self.assertEqual(len(browse.context["search"].results), 20)
        self.assertEqual(large, small)
        self.assertEqual(large_browse, small_browse)
        self.assertLessEqual(large, 40)  # PostgreSQL: each text match is one statement between two SET LOCAL


class SeveralFacetsTests(TestCase):
    """With selections in several facets the search only looks at practices passing one of
    two of them (``Selection.candidates``): every count must still equal the ORM's count
    of practices passing all the *other* facets."""

    def test_every_count_applies_every_other_facet(self):
        from taxonomy.models import PolicyArea, TerritoryType

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

        search = self.client.get("/fr/search/", chosen).context["search"]
        self.assertEqual(search.total, passing(*filters).count())
        groups = {group.name: group for group in search.facets}
        for term in PolicyArea.objects.all():
            value = next(item for item in groups["policy_area"].values if item.value == term.slug)
            expected = passing("territory_type", "stage").filter(policy_areas=term).count()
            self.assertEqual(value.count, expected, term.slug)
        for value in groups["stage"].values:
            expected = passing("policy_area", "territory_type").filter(lifecycle_stage=value.value).count()
            self.assertEqual(value.count, expected, value.value)
        for value in groups["country"].values:
            self.assertEqual(value.count, passing(*filters).filter(country=value.value).count(), value.value)
