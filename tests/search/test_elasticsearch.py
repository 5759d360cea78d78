"""The Elasticsearch backend: index settings, mappings and query bodies (asserted through
the backend classes, no server needed), and what happens when the cluster is dead or
hung. Tests against a real cluster run when ELASTICSEARCH_URL is set."""

import json
import os
import socket
import threading
import time

import pytest
from django.test import TestCase, override_settings
from factories.search_data import build_catalogue
from modelsearch.query import PlainText
from wagtail.models import Page

from practices.models import PracticePage
from search.backends import breaker
from search.backends.elasticsearch import (
    PraxisElasticsearchBackend,
    PraxisElasticsearchMapping,
    PraxisSearchQueryCompiler,
)

LIVE_URL = os.environ.get("ELASTICSEARCH_URL")


def es_settings(url, timeout=1):
    return {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [url],
            "INDEX_PREFIX": "praxis_test_",
            "TIMEOUT": timeout,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        },
        "fallback": {"BACKEND": "search.backends.database"},
    }


def dead_url() -> str:
    """A local port nobody listens on: connections are refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


class HungServer:
    """Accepts connections and never answers (a hung cluster)."""

    def __enter__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.connections = []
        self.running = True
        self.thread = threading.Thread(target=self.accept, daemon=True)
        self.thread.start()
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def accept(self):
        self.sock.settimeout(0.2)
        while self.running:
            try:
                self.connections.append(self.sock.accept()[0])
            except OSError:
                continue

    def __exit__(self, *exc):
        self.running = False
        self.thread.join(timeout=2)
        for connection in self.connections:
            connection.close()
        self.sock.close()


def find(body, predicate):
    """Every dict inside ``body`` (a JSON-like tree) for which ``predicate`` holds."""
    found = []
    if isinstance(body, dict):
        if predicate(body):
            found.append(body)
        for value in body.values():
            found += find(value, predicate)
    elif isinstance(body, list):
        for value in body:
            found += find(value, predicate)
    return found


class MappingAndQueryTests(TestCase):
    """No server: what would be sent."""

    backend_params = {"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "praxis_test_", "TIMEOUT": 1}

    def test_index_settings_have_one_analyser_per_language(self):
        backend = PraxisElasticsearchBackend(dict(self.backend_params))
        analysis = backend.settings["settings"]["analysis"]
        self.assertEqual(analysis["analyzer"]["praxis_fr"]["filter"][0], "praxis_fr_elision")
        self.assertIn("asciifolding", analysis["analyzer"]["praxis_fr"]["filter"])
        self.assertEqual(analysis["filter"]["praxis_fr_stemmer"], {"type": "stemmer", "language": "light_french"})
        self.assertEqual(analysis["filter"]["praxis_en_stemmer"], {"type": "stemmer", "language": "english"})
        self.assertEqual(analysis["filter"]["praxis_fr_stop"]["stopwords"], "_french_")
        # Wagtail's own analysers (autocomplete n-grams) are kept.
        self.assertIn("edgengram_analyzer", analysis["analyzer"])
        self.assertEqual(backend.index_prefix, "praxis_test_")

    def test_text_fields_get_a_sub_field_per_language(self):
        properties = PraxisElasticsearchMapping(PracticePage).get_mapping()["properties"]
        self.assertEqual(properties["title"]["fields"]["fr"], {"type": "text", "analyzer": "praxis_fr"})
        self.assertEqual(properties["title"]["fields"]["en"], {"type": "text", "analyzer": "praxis_en"})
        self.assertEqual(properties["_all_text"]["fields"]["fr"]["analyzer"], "praxis_fr")
        self.assertIn("fields", properties["practices_practicepage__summary"])
        self.assertNotIn("fields", properties["_edgengrams"])  # autocomplete keeps its n-grams
        self.assertEqual(properties["_language"], {"type": "keyword"})
        nested = properties["practices_practicepage__policy_areas"]["properties"]["name"]
        self.assertEqual(nested["fields"]["fr"]["analyzer"], "praxis_fr")

    def test_query_matches_each_document_through_its_own_language(self):
        backend = PraxisElasticsearchBackend(dict(self.backend_params))
        body = backend.match_body(PracticePage, ["sante", "rurale"])
        by_language = find(body, lambda node: "filter" in node and {"term": {"_language": "fr"}} in node["filter"])
        self.assertEqual(len(by_language), 1)
        french = json.dumps(by_language[0])
        self.assertIn('"_all_text.fr"', french)
        self.assertIn('"operator": "and"', french)
        self.assertNotIn('"_all_text.en"', french)
        english = find(body, lambda node: "filter" in node and {"term": {"_language": "en"}} in node["filter"])
        self.assertIn('"_all_text.en"', json.dumps(english[0]))
        # Filters: the page type and only live pages.
        self.assertTrue(find(body, lambda node: node == {"match": {"_django_content_type": "practices.PracticePage"}}))
        self.assertTrue(find(body, lambda node: node == {"term": {"live_filter": True}}))

    def test_pk_in_on_a_page_subclass_is_dropped_so_ids_are_filtered_in_sql(self):
        """Known modelsearch behaviour: the filter on the subclass's pk (page_ptr_id) vanishes
        from the query. The discovery service therefore never sends id lists to Elasticsearch:
        it intersects Elasticsearch's matches with its SQL scope."""
        dropped = PraxisSearchQueryCompiler(PracticePage.objects.filter(pk__in=[1, 2]), PlainText("x")).get_query()
        self.assertFalse(
            find(dropped, lambda node: set(node.get("terms", {})) & {"pk", "id_filter", "page_ptr_id_filter"})
        )
        kept = PraxisSearchQueryCompiler(
            Page.objects.type(PracticePage).filter(id__in=[1, 2]), PlainText("x")
        ).get_query()
        self.assertTrue(find(kept, lambda node: node.get("terms") == {"id_filter": [1, 2]}))


class DocumentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.c = build_catalogue()

    def test_documents_carry_their_language(self):
        mapping = PraxisElasticsearchMapping(PracticePage)
        self.assertEqual(mapping.get_document(self.c.health)["_language"], "fr")
        document = mapping.get_document(self.c.hospital_en)
        self.assertEqual(document["_language"], "en")
        self.assertIn("Denmark", document["practices_practicepage__search_labels"])
        self.assertIn("Danemark", document["practices_practicepage__search_labels"])


class OutageTests(TestCase):
    """Elasticsearch dead or hung: the page still answers from the database, says so,
    and publishing is not held up."""

    @classmethod
    def setUpTestData(cls):
        cls.c = build_catalogue()

    def setUp(self):
        breaker.reset()
        self.addCleanup(breaker.reset)

    def search(self, **params):
        started = time.perf_counter()
        response = self.client.get("/fr/search/", params)
        return response, time.perf_counter() - started

    def test_dead_cluster_falls_back_to_the_database_with_a_notice(self):
        with override_settings(WAGTAILSEARCH_BACKENDS=es_settings(dead_url())):
            response, elapsed = self.search(q="médiathèques")
        self.assertEqual(response.status_code, 200)
        self.assertLess(elapsed, 3)
        self.assertTrue(response.context["search"].degraded)
        self.assertEqual([p.title for p in response.context["search"].results], [self.c.library.title])
        self.assertContains(response, 'class="search-notice search-notice--warning" role="alert"')

    def test_hung_cluster_answers_within_three_seconds_then_skips_it(self):
        with HungServer() as url, override_settings(WAGTAILSEARCH_BACKENDS=es_settings(url, timeout=1)):
            first, first_elapsed = self.search(q="santé")
            second, second_elapsed = self.search(q="médiathèques")
        self.assertLess(first_elapsed, 3)
        self.assertTrue(first.context["search"].degraded)
        self.assertTrue(breaker.is_open())
        self.assertLess(second_elapsed, first_elapsed)  # no second timeout: the breaker is open
        self.assertEqual([p.title for p in second.context["search"].results], [self.c.library.title])

    def publish(self, title):
        self.c.health.title = title
        started = time.perf_counter()
        self.c.health.save_revision().publish()
        return time.perf_counter() - started

    def test_publishing_is_not_slowed_by_a_hung_cluster(self):
        baseline = min(self.publish("Essai zéro"), self.publish("Essai un"))  # database backend only
        with HungServer() as url, override_settings(WAGTAILSEARCH_BACKENDS=es_settings(url, timeout=2)):
            first = self.publish("Premier essai")
            later = [self.publish("Deuxième essai"), self.publish("Ultime zanzibar")]
        self.assertTrue(breaker.is_open())
        self.assertGreaterEqual(breaker.skipped_writes(), 1)
        self.assertLess(first, baseline + 1.5)  # at most one short write timeout (1 s), not 2 s per call
        self.assertLess(min(later), baseline * 1.5 + 0.3)  # then Elasticsearch is skipped
        # The database fallback index was still updated.
        self.assertEqual([page.pk for page in PracticePage.objects.search("zanzibar")], [self.c.health.pk])


@pytest.mark.live_es
@pytest.mark.skipif(not LIVE_URL, reason="ELASTICSEARCH_URL is not set: no live Elasticsearch to test against")
class LiveElasticsearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.c = build_catalogue()

    def setUp(self):
        breaker.reset()
        self.override = override_settings(WAGTAILSEARCH_BACKENDS=es_settings(LIVE_URL, timeout=5))
        self.override.enable()
        self.addCleanup(self.override.disable)
        from django.core.management import call_command

        call_command("update_index", backend_name="default", verbosity=0)

    def titles(self, language="fr", **params):
        response = self.client.get(f"/{language}/search/", params)
        self.assertFalse(response.context["search"].degraded)
        return [p.title for p in response.context["search"].results]

    def test_french_analysis(self):
        self.assertEqual(self.titles(q="médiathèques"), [self.c.library.title])
        self.assertIn(self.c.health.title, self.titles(q="SANTE"))

    def test_english_analysis(self):
        self.assertIn("Community health workers in Leeds", self.titles("en", q="family"))

    def test_privacy_and_facets(self):
        found = self.titles(q="santé", country="FR")
        self.assertEqual(found, [self.c.health.title])
