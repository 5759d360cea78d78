"""Autocomplete, feeds of a search, similar practices and exports: each only shows live,
public practices the reader can read."""

import json
import xml.etree.ElementTree as ET  # noqa: S405 (our own feeds)

from django.template import Context, Template
from django.test import RequestFactory, TestCase
from django.utils import translation
from factories.search_data import build_catalogue

from search.services.similar import similar_practices

ATOM = "{http://www.w3.org/2005/Atom}"


def parse_xml(content: bytes):
    return ET.fromstring(content)  # noqa: S314 (our own feed)


class SuggestTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.c = build_catalogue()

    def suggest(self, query, language="fr"):
        response = self.client.get(f"/{language}/search/suggest/", {"q": query})
        self.assertEqual(response.status_code, 200)
        return response.json()["suggestions"]

    def test_titles_by_prefix_accent_insensitive(self):
        labels = [item["label"] for item in self.suggest("mediat") if item["kind"] == "practice"]
        self.assertEqual(labels, [self.c.library.title])
        self.assertEqual(self.suggest("mediat")[0]["url"], self.c.library.url)

    def test_taxonomy_terms_in_the_readers_language(self):
        french = self.suggest("renov")
        self.assertIn(
            {"label": "Rénovation énergétique", "kind": "policy_area"},
            [{"label": item["label"], "kind": item["kind"]} for item in french],
        )
        term = next(item for item in self.suggest("energy ren", "en") if item["kind"] == "policy_area")
        self.assertEqual(term["label"], "Energy renovation")
        self.assertEqual(term["url"], "/en/search/?policy_area=renovation-energetique")

    def test_drafts_and_restricted_pages_are_never_suggested(self):
        labels = [item["label"] for item in self.suggest("brouillon")] + [
            item["label"] for item in self.suggest("prat")
        ]
        self.assertNotIn(self.c.draft.title, labels)
        self.assertNotIn(self.c.restricted.title, labels)

    def test_one_suggestion_per_practice_in_the_readers_language(self):
        english = [item for item in self.suggest("hosp", "en") if item["kind"] == "practice"]
        self.assertEqual([item["label"] for item in english], [self.c.hospital_en.title])
        fallback = [item for item in self.suggest("commun", "fr") if item["kind"] == "practice"]
        self.assertEqual([(item["label"], item["lang"]) for item in fallback], [(self.c.leeds.title, "en")])

    def test_too_short_or_empty(self):
        self.assertEqual(self.suggest("m"), [])
        self.assertEqual(self.suggest("   "), [])


class FeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.c = build_catalogue()

    def test_atom_feed_of_a_search_with_facets(self):
        response = self.client.get("/fr/search/feed/atom/", {"q": "santé", "country": "FR"})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("application/atom+xml"))
        feed = parse_xml(response.content)
        titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
        self.assertEqual(titles, [self.c.health.title])
        link = feed.find(f"{ATOM}link").get("href")
        self.assertIn("/fr/search/?q=sant%C3%A9&country=FR", link)

    def test_rss_feed_newest_first_and_only_public_pages(self):
        response = self.client.get("/fr/search/feed/rss/", {"policy_area": "sante-hopitaux"})
        channel = parse_xml(response.content).find("channel")
        titles = [item.find("title").text for item in channel.findall("item")]
        self.assertEqual(titles, [self.c.leeds.title, self.c.hospital.title, self.c.health.title])
        self.assertNotIn(self.c.draft.title, response.content.decode())
        self.assertNotIn(self.c.restricted.title, response.content.decode())

    def test_feed_in_english_uses_the_english_translation(self):
        response = self.client.get("/en/search/feed/rss/", {"q": "emergency"})
        titles = [item.find("title").text for item in parse_xml(response.content).find("channel").findall("item")]
        self.assertEqual(titles, [self.c.hospital_en.title])


class SimilarPracticesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.c = build_catalogue()

    def test_shared_terms_first_never_itself_nor_its_translations(self):
        with translation.override("fr"):
            found = similar_practices(self.c.hospital, RequestFactory().get("/fr/"))
        pks = [page.pk for page in found]
        self.assertNotIn(self.c.hospital.pk, pks)
        self.assertNotIn(self.c.hospital_en.pk, pks)
        self.assertNotIn(self.c.draft.pk, pks)
        self.assertNotIn(self.c.restricted.pk, pks)
        # Same policy area (health) first: Aurillac and Leeds.
        self.assertEqual(set(pks[:2]), {self.c.health.pk, self.c.leeds.pk})

    def test_in_the_readers_language(self):
        with translation.override("en"):
            found = similar_practices(self.c.health, RequestFactory().get("/en/"))
        self.assertIn(self.c.hospital_en.pk, [page.pk for page in found])
        self.assertNotIn(self.c.hospital.pk, [page.pk for page in found])

    def test_template_tag_renders_the_block(self):
        request = RequestFactory().get("/fr/")
        with translation.override("fr"):
            html = Template("{% load search_tags %}{% similar_practices page %}").render(
                Context({"page": self.c.library, "request": request})
            )
        self.assertIn('id="similar-practices-title"', html)
        self.assertNotIn(self.c.library.title, html)


class ExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.c = build_catalogue()

    def test_json_export_of_a_search_keeps_its_order_and_privacy(self):
        response = self.client.get("/fr/search/export/json/", {"q": "santé", "sort": "title"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response["Content-Disposition"])
        data = json.loads(response.content)
        titles = [record["title"] for record in data["practices"]]
        self.assertEqual(titles, sorted(titles, key=str.casefold))
        self.assertNotIn(self.c.draft.title, titles)
        self.assertNotIn(self.c.restricted.title, titles)
        self.assertNotIn("contact_email", json.dumps(data))

    def test_csv_export_and_unknown_format(self):
        response = self.client.get("/fr/search/export/csv/", {"policy_area": "culture-bibliotheques"})
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.c.library.title, response.content.decode())
        self.assertNotIn(self.c.health.title, response.content.decode())
        self.assertEqual(self.client.get("/fr/search/export/xlsx/").status_code, 404)
