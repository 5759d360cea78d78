"""The Elasticsearch backend: index settings, mappings and query bodies (asserted through
the backend classes, no server needed), and what happens when the cluster is dead or
hung (asserted through what was asked of the cluster, never through a clock). Tests
against a real cluster run when ELASTICSEARCH_URL is set."""

import json
import os
import socket
import threading

import pytest
from django.core.management import call_command
from django.test import override_settings
from elastic_transport import Transport
from modelsearch.query import PlainText
from wagtail.models import Page

from practices.models import PracticePage
from search.backends import breaker
from search.backends.elasticsearch import (
    WRITE_TIMEOUT,
    PraxisElasticsearchBackend,
    PraxisElasticsearchMapping,
    PraxisSearchQueryCompiler,
)

LIVE_URL = os.environ.get("ELASTICSEARCH_URL")
BACKEND_PARAMS = {"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "praxis_test_", "TIMEOUT": 1}


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
    """Accepts connections and never answers (a hung cluster); ``connections`` are the
    connections the client opened."""

    def __enter__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.connections = []
        self.running = True
        self.thread = threading.Thread(target=self.accept, daemon=True)
        self.thread.start()
        return self

    @property
    def url(self):
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


@pytest.fixture(autouse=True)
def _breaker_closed():
    """The breaker is shared by the process: each test starts and ends with it closed."""
    breaker.reset()
    yield
    breaker.reset()


# What would be sent (no server)


def test_index_settings_have_one_analyser_per_language():
    backend = PraxisElasticsearchBackend(dict(BACKEND_PARAMS))
    analysis = backend.settings["settings"]["analysis"]
    assert analysis["analyzer"]["praxis_fr"]["filter"][0] == "praxis_fr_elision"
    assert "asciifolding" in analysis["analyzer"]["praxis_fr"]["filter"]
    assert analysis["filter"]["praxis_fr_stemmer"] == {"type": "stemmer", "language": "light_french"}
    assert analysis["filter"]["praxis_en_stemmer"] == {"type": "stemmer", "language": "english"}
    assert analysis["filter"]["praxis_fr_stop"]["stopwords"] == "_french_"
    # Wagtail's own analysers (autocomplete n-grams) are kept.
    assert "edgengram_analyzer" in analysis["analyzer"]
    assert backend.index_prefix == "praxis_test_"


def test_text_fields_get_a_sub_field_per_language():
    properties = PraxisElasticsearchMapping(PracticePage).get_mapping()["properties"]
    assert properties["title"]["fields"]["fr"] == {"type": "text", "analyzer": "praxis_fr"}
    assert properties["title"]["fields"]["en"] == {"type": "text", "analyzer": "praxis_en"}
    assert properties["_all_text"]["fields"]["fr"]["analyzer"] == "praxis_fr"
    assert "fields" in properties["practices_practicepage__summary"]
    assert "fields" not in properties["_edgengrams"]  # autocomplete keeps its n-grams
    assert properties["_language"] == {"type": "keyword"}
    nested = properties["practices_practicepage__policy_areas"]["properties"]["name"]
    assert nested["fields"]["fr"]["analyzer"] == "praxis_fr"


def test_query_matches_each_document_through_its_own_language():
    backend = PraxisElasticsearchBackend(dict(BACKEND_PARAMS))
    body = backend.match_body(PracticePage, ["sante", "rurale"])
    by_language = find(body, lambda node: "filter" in node and {"term": {"_language": "fr"}} in node["filter"])
    assert len(by_language) == 1
    french = json.dumps(by_language[0])
    assert '"_all_text.fr"' in french
    assert '"operator": "and"' in french
    assert '"_all_text.en"' not in french
    english = find(body, lambda node: "filter" in node and {"term": {"_language": "en"}} in node["filter"])
    assert '"_all_text.en"' in json.dumps(english[0])
    # Filters: the page type and only live pages.
    assert find(body, lambda node: node == {"match": {"_django_content_type": "practices.PracticePage"}})
    assert find(body, lambda node: node == {"term": {"live_filter": True}})


def test_pk_in_on_a_page_subclass_is_dropped_so_ids_are_filtered_in_sql(db):
    """Known modelsearch behaviour: the filter on the subclass's pk (page_ptr_id) vanishes
    from the query. The discovery service therefore never sends id lists to Elasticsearch:
    it intersects Elasticsearch's matches with its SQL scope. (``Page.objects.type`` reads
    the content types: hence ``db``.)"""
    dropped = PraxisSearchQueryCompiler(PracticePage.objects.filter(pk__in=[1, 2]), PlainText("x")).get_query()
    assert not find(dropped, lambda node: set(node.get("terms", {})) & {"pk", "id_filter", "page_ptr_id_filter"})
    kept = PraxisSearchQueryCompiler(Page.objects.type(PracticePage).filter(id__in=[1, 2]), PlainText("x")).get_query()
    assert find(kept, lambda node: node.get("terms") == {"id_filter": [1, 2]})


def test_documents_carry_their_language(catalogue):
    mapping = PraxisElasticsearchMapping(PracticePage)
    assert mapping.get_document(catalogue.health)["_language"] == "fr"
    document = mapping.get_document(catalogue.hospital_en)
    assert document["_language"] == "en"
    assert "Denmark" in document["practices_practicepage__search_labels"]
    assert "Danemark" in document["practices_practicepage__search_labels"]


# Elasticsearch dead or hung: the page still answers from the database, says so, and
# publishing is not held up. Each failure costs one request to the cluster, after which
# the breaker keeps the cluster out of the way.


@pytest.fixture
def cluster_requests(monkeypatch):
    """Every request the Elasticsearch client makes, as ``(method, path, request timeout)``
    (the timeout of the call, ``DEFAULT`` when it is the client's configured one)."""
    requests = []
    perform = Transport.perform_request

    def spy(transport, method, target, **kwargs):
        requests.append((method, target.split("?")[0], kwargs.get("request_timeout")))
        return perform(transport, method, target, **kwargs)

    monkeypatch.setattr(Transport, "perform_request", spy)
    return requests


def searches(requests):
    return [request for request in requests if request[1].endswith("/_search")]


def test_dead_cluster_falls_back_to_the_database_with_a_notice(client, catalogue, cluster_requests):
    with override_settings(WAGTAILSEARCH_BACKENDS=es_settings(dead_url())):
        response = client.get("/fr/search/", {"q": "médiathèques"})
    assert response.status_code == 200
    assert response.context["search"].degraded
    assert [p.title for p in response.context["search"].results] == [catalogue.library.title]
    assert 'class="search-notice search-notice--warning" role="alert"' in response.content.decode()
    # One request refused, then the breaker is open: the labs' match did not ask again.
    assert breaker.is_open()
    assert len(cluster_requests) == 1
    assert len(searches(cluster_requests)) == 1


def test_hung_cluster_costs_one_request_then_is_skipped(client, catalogue, cluster_requests):
    with HungServer() as server, override_settings(WAGTAILSEARCH_BACKENDS=es_settings(server.url, timeout=1)):
        first = client.get("/fr/search/", {"q": "santé"})
        asked_first = len(cluster_requests)
        connections_first = len(server.connections)
        second = client.get("/fr/search/", {"q": "médiathèques"})
    assert first.status_code == second.status_code == 200
    assert first.context["search"].degraded
    assert breaker.is_open()
    # One request (the practices' match) and one connection: no retry, and the labs'
    # match did not wait for a second timeout.
    assert asked_first == 1
    assert connections_first == 1
    # The breaker is open: the second search does not ask the cluster at all.
    assert len(cluster_requests) == 1
    assert second.context["search"].degraded
    assert [p.title for p in second.context["search"].results] == [catalogue.library.title]


def test_publishing_is_not_held_up_by_a_hung_cluster(catalogue, cluster_requests):
    practice = catalogue.health

    def publish(title):
        practice.title = title
        practice.save_revision().publish()

    with HungServer() as server, override_settings(WAGTAILSEARCH_BACKENDS=es_settings(server.url, timeout=2)):
        publish("Premier essai")
        first_requests = list(cluster_requests)
        publish("Deuxième essai")
        publish("Ultime zanzibar")
    # The first publication waited for one write, with the short write timeout (not the
    # cluster's 2 s), which tripped the breaker ...
    assert len(first_requests) == 1
    assert first_requests[0][2] == WRITE_TIMEOUT < 2
    assert breaker.is_open()
    # ... so the later ones did not ask the cluster: their writes were skipped.
    assert cluster_requests == first_requests
    assert breaker.skipped_writes() >= 2
    assert PracticePage.objects.get(pk=practice.pk).title == "Ultime zanzibar"
    # The database fallback index was still updated.
    assert [page.pk for page in PracticePage.objects.search("zanzibar")] == [practice.pk]


# A live cluster (ELASTICSEARCH_URL)

live_cluster_only = pytest.mark.skipif(
    not LIVE_URL, reason="ELASTICSEARCH_URL is not set: no live Elasticsearch to test against"
)


@pytest.fixture
def live_titles(client, catalogue, settings):
    """``live_titles(language="fr", **params)``: result titles of a search answered by the
    live cluster (indexed from the catalogue), never degraded."""
    settings.WAGTAILSEARCH_BACKENDS = es_settings(LIVE_URL, timeout=5)
    call_command("update_index", backend_name="default", verbosity=0)

    def titles(language="fr", **params):
        response = client.get(f"/{language}/search/", params)
        assert not response.context["search"].degraded
        return [p.title for p in response.context["search"].results]

    return titles


@pytest.mark.live_es
@live_cluster_only
def test_live_french_analysis(live_titles, catalogue):
    assert live_titles(q="médiathèques") == [catalogue.library.title]
    assert catalogue.health.title in live_titles(q="SANTE")


@pytest.mark.live_es
@live_cluster_only
def test_live_english_analysis(live_titles):
    assert "Community health workers in Leeds" in live_titles("en", q="family")


@pytest.mark.live_es
@live_cluster_only
def test_live_privacy_and_facets(live_titles, catalogue):
    assert live_titles(q="santé", country="FR") == [catalogue.health.title]
