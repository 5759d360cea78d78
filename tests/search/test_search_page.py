"""The search page over real HTTP requests: matching, facets, sorting, pagination,
languages and privacy (SQLite and PostgreSQL)."""

import re
from urllib.parse import parse_qs, urlparse

from django.test import TestCase
from factories.search_data import build_catalogue

from practices.models import PracticePage
from praxis.visibility import best_translations
from search.services import engine
from taxonomy.models import Instrument, PolicyArea


def titles(response) -> list[str]:
    return [practice.title for practice in response.context["search"].results]


def facet(response, name):
    return next(group for group in response.context["search"].facets if group.name == name)


def value(response, name, value_id):
    group = facet(response, name)
    return next(item for item in [*group.values, *group.more] if item.value == str(value_id))


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.c = build_catalogue()

    def search(self, language="fr", headers=None, **params):
        response = self.client.get(f"/{language}/search/", params, headers=headers or {})
        self.assertEqual(response.status_code, 200)
        return response

    # Matching

    def test_accents_and_case_do_not_matter(self):
        found = titles(self.search(q="SANTE"))
        self.assertIn("Maison de santé rurale à Aurillac", found)
        self.assertIn("Hôpitaux : accueillir les urgences autrement", found)

    def test_plural_finds_singular(self):
        self.assertEqual(titles(self.search(q="médiathèques")), ["Médiathèque troisième lieu à Rennes"])
        self.assertIn("Hôpitaux : accueillir les urgences autrement", titles(self.search(q="hôpital")))

    def test_all_words_must_match(self):
        self.assertEqual(titles(self.search(q="santé Aurillac")), ["Maison de santé rurale à Aurillac"])

    def test_query_terms_are_highlighted_and_escaped(self):
        content = self.search(q="médiathèques").content.decode()
        self.assertIn("<mark>Médiathèque</mark> troisième lieu", content)
        content = self.search(q="<script>alert(1)</script>").content.decode()
        self.assertNotIn("<script>alert(1)</script>", content)

    def test_labs_are_found_after_the_practices(self):
        response = self.search(q="Gironde")
        self.assertEqual([lab.title for lab in response.context["search"].labs], [self.c.gironde.title])
        content = response.content.decode()
        self.assertLess(content.index('id="search-results-title"'), content.index('id="search-labs-title"'))

    def test_labs_are_found_by_country_name_in_any_language(self):
        for query in ("Danemark", "Denmark"):
            self.assertIn("MindLab", [lab.title for lab in self.search(q=query).context["search"].labs])

    # Privacy and languages

    def test_drafts_and_restricted_pages_never_appear(self):
        response = self.search(q="santé")
        found = titles(response)
        self.assertNotIn(self.c.draft.title, found)
        self.assertNotIn(self.c.restricted.title, found)
        self.assertNotIn("secret", response.content.decode())
        self.assertNotIn("réservée", response.content.decode())
        health = PolicyArea.objects.get(slug="sante-hopitaux")
        # Aurillac, the hospital and the Leeds practice (untranslated English original)
        self.assertEqual(value(self.search(), "policy_area", "sante-hopitaux").count, 3, health)

    def test_one_result_per_practice_in_the_readers_language(self):
        french = titles(self.search(q="urgences"))
        self.assertEqual(french, ["Hôpitaux : accueillir les urgences autrement"])
        english = titles(self.search("en", q="emergency"))
        self.assertEqual(english, ["Hospitals: a new welcome in emergency departments"])

    def test_a_translated_practice_is_found_by_the_text_of_the_readers_version(self):
        # The French version does not say "emergency departments": the English one is not
        # shown to a French reader instead (one group, one version).
        self.assertEqual(titles(self.search("fr", q="emergency departments")), [])
        self.assertEqual(
            titles(self.search("en", q="emergency departments")), ["Hospitals: a new welcome in emergency departments"]
        )

    def test_untranslated_practices_appear_marked_with_their_language(self):
        response = self.search("fr", q="Leeds")
        self.assertEqual(titles(response), ["Community health workers in Leeds"])
        content = response.content.decode()
        self.assertRegex(content, r'class="search-result__passage" lang="en"')
        self.assertIn("badge--language", content)
        english = self.search("en", q="Leeds").content.decode()
        self.assertIn('class="search-result__passage">', english)  # its own language: no mark
        self.assertNotIn("badge--language", english)

    def test_only_own_language_on_request(self):
        found = titles(self.search("en", own_language="1"))
        self.assertEqual(
            set(found), {"Hospitals: a new welcome in emergency departments", "Community health workers in Leeds"}
        )

    # Facets

    def test_facet_counts_equal_orm_counts(self):
        response = self.search()
        readable = best_translations(PracticePage.objects.live().public(), self.c.french)
        for group_name, relation in [("policy_area", "policy_areas"), ("territory_type", "territory_types")]:
            for item in facet(response, group_name).values:
                expected = readable.filter(**{f"{relation}__slug": item.value}).distinct().count()
                self.assertEqual(item.count, expected, f"{group_name}={item.value}")
        for item in facet(response, "stage").values:
            self.assertEqual(item.count, readable.filter(lifecycle_stage=item.value).count(), item.value)
        for item in facet(response, "country").values:
            self.assertEqual(item.count, readable.filter(country=item.value).count(), item.value)

    def test_values_within_a_facet_are_ored_and_facets_anded(self):
        either = titles(self.search(policy_area=["culture-bibliotheques", "logement"]))
        self.assertEqual(set(either), {self.c.library.title, self.c.renovation.title})
        both = titles(self.search(policy_area=["culture-bibliotheques", "logement"], country="DK"))
        self.assertEqual(both, [self.c.renovation.title])

    def test_a_facet_counts_what_choosing_each_of_its_values_would_give(self):
        response = self.search(policy_area="sante-hopitaux", country="DK")
        self.assertEqual(titles(response), [self.c.hospital.title])
        # Other countries still counted with the policy area applied (not the country).
        self.assertEqual(value(response, "country", "FR").count, 1)
        self.assertEqual(value(response, "country", "GB").count, 1)
        # Other policy areas counted with the country applied (not the policy area).
        self.assertEqual(value(response, "policy_area", "logement").count, 1)
        self.assertTrue(value(response, "policy_area", "sante-hopitaux").selected)

    def test_results_are_listed_when_a_vocabulary_is_empty(self):
        PracticePage.instruments.through.objects.all().delete()
        Instrument.objects.all().delete()
        response = self.search()
        self.assertGreater(response.context["search"].total, 0)
        self.assertEqual(len(titles(response)), response.context["search"].total)

    def test_values_without_results_stay_visible_and_marked(self):
        response = self.search()
        empty = value(response, "policy_area", "rh-management")
        self.assertEqual(empty.count, 0)
        self.assertIn("facet-value--empty", response.content.decode())
        self.assertIn("RH et management", response.content.decode())

    def test_lab_facet_merges_translations_and_filters(self):
        response = self.search(lab=self.c.gironde.pk)
        # Leeds is linked to the lab's English page: the same lab.
        self.assertEqual(set(titles(response)), {self.c.health.title, self.c.library.title, self.c.leeds.title})
        self.assertEqual(value(response, "lab", self.c.gironde.pk).count, 3)
        self.assertTrue(value(response, "lab", self.c.gironde.pk).selected)
        english = self.search("en", lab=self.c.gironde_en.pk)  # the English lab page's id works too
        self.assertIn("Community health workers in Leeds", titles(english))

    def test_year_range(self):
        found = titles(self.search(year_from=2015, year_to=2019))
        self.assertEqual(set(found), {self.c.health.title, self.c.library.title, self.c.leeds.title})
        swapped = titles(self.search(year_from=2019, year_to=2015))
        self.assertEqual(set(swapped), set(found))

    def test_budget_evidence_competence_stage(self):
        self.assertEqual(titles(self.search(budget="gt1m")), [self.c.renovation.title])
        self.assertEqual(titles(self.search(evidence="external")), [self.c.health.title])
        self.assertEqual(titles(self.search(competence="commune")), [self.c.health.title])
        self.assertEqual(titles(self.search(stage="scaled")), [self.c.library.title])

    # Sorting and pagination

    def test_sorts(self):
        by_title = titles(self.search(sort="title"))
        self.assertEqual(
            by_title, sorted(by_title, key=lambda title: title.lower().replace("é", "e").replace("ô", "o"))
        )
        verified = titles(self.search(sort="verified"))
        self.assertEqual(verified[:3], [self.c.hospital.title, self.c.health.title, self.c.library.title])
        newest = titles(self.search(sort="newest"))
        self.assertEqual(newest[0], self.c.leeds.title)

    def test_relevance_is_the_default_with_words(self):
        response = self.search(q="santé")
        self.assertEqual(response.context["params"].effective_sort, "relevance")
        self.assertEqual(self.search().context["params"].effective_sort, "newest")

    def test_pagination_links_keep_the_query(self):
        engine.PER_PAGE, original = 2, engine.PER_PAGE
        try:
            first = self.search(q="santé", policy_area="sante-hopitaux")
            self.assertEqual(first.context["search"].total, 3)
            next_link = re.search(r'href="\?([^"]+)" rel="next"', first.content.decode()).group(1)
            query = parse_qs(next_link.replace("&amp;", "&"))
            self.assertEqual(query, {"q": ["santé"], "policy_area": ["sante-hopitaux"], "page": ["2"]})
            second = self.client.get("/fr/search/?" + next_link.replace("&amp;", "&"))
            self.assertEqual(len(second.context["search"].results), 1)
            self.assertFalse(set(titles(first)) & set(titles(second)))
        finally:
            engine.PER_PAGE = original

    # Without and with JavaScript

    def test_works_as_a_plain_get_form(self):
        content = self.search().content.decode()
        self.assertIn('method="get"', content)
        self.assertIn('name="policy_area" value="sante-hopitaux"', content)
        self.assertIn('type="submit"', content)

    def test_partial_responses_for_live_updates(self):
        response = self.search(q="santé", headers={"X-Praxis-Partial": "1"})
        content = response.content.decode()
        self.assertNotIn("<html", content)
        self.assertIn('id="search-results-title"', content)
        self.assertIn("X-Praxis-Partial", response["Vary"])

    def test_follow_and_export_links_carry_the_search(self):
        content = self.search(q="santé", country="FR").content.decode()
        feed = re.search(r'href="(/fr/search/feed/atom/\?[^"]+)"', content).group(1)
        self.assertEqual(parse_qs(urlparse(feed.replace("&amp;", "&")).query), {"q": ["santé"], "country": ["FR"]})
