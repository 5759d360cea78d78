"""The search's "verified in the last 12 months" filter (``verified=recent``): read by the
search page's parameter reader, applied by the same SQL whatever the text backend, sent to
Elasticsearch as a filter of its query, kept by saved searches."""

import pytest
from django.core import mail
from django.http import QueryDict
from factories import MemberFactory, PracticePageFactory
from factories.freshness import StalePracticeFactory, days_ago
from html_helpers import soup_of

from alerts.forms import SaveSearchForm
from alerts.models import SavedSearch
from practices.models import PracticePage
from search.backends.elasticsearch import PraxisElasticsearchBackend
from search.services.facets import verified_since_q
from search.services.params import parse

pytestmark = pytest.mark.django_db

ES_PARAMS = {"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "praxis_test_", "TIMEOUT": 1}


@pytest.fixture
def practices(lab):
    return {
        "recent": PracticePageFactory(parent=lab, title="Cantine bio vérifiée", last_verified=days_ago(20)),
        "edge": PracticePageFactory(parent=lab, title="Cantine du bord", last_verified=days_ago(365)),
        "stale": StalePracticeFactory(parent=lab, title="Cantine ancienne"),
        "never": PracticePageFactory(parent=lab, title="Cantine jamais vérifiée", last_verified=None),
    }


def titles(response):
    assert response.status_code == 200
    return {practice.title for practice in response.context["search"].results}


def test_the_filter_keeps_practices_verified_in_the_last_12_months(client, practices):
    everything = titles(client.get("/fr/search/"))
    assert len(everything) == 4
    assert titles(client.get("/fr/search/", {"verified": "recent"})) == {"Cantine bio vérifiée", "Cantine du bord"}
    # With words (the text backend, then the same SQL filter), and with another filter.
    assert titles(client.get("/fr/search/", {"q": "cantine", "verified": "recent"})) == {
        "Cantine bio vérifiée",
        "Cantine du bord",
    }
    assert titles(client.get("/fr/search/", {"q": "ancienne", "verified": "recent"})) == set()
    assert titles(
        client.get("/fr/search/", {"verified": "recent", "stage": "experimentation", "sort": "verified"})
    ) == {
        "Cantine bio vérifiée",
        "Cantine du bord",
    }


def test_the_checkbox_and_the_active_filter(client, practices):
    soup = soup_of(client.get("/fr/search/", {"verified": "recent", "q": "cantine"}))
    box = soup.select_one("#facet-verified")
    assert box.has_attr("checked") and box["name"] == "verified" and box["value"] == "recent"
    assert "12 derniers mois" in soup.select_one("label[for=facet-verified]").get_text()
    chip = next(link for link in soup.select(".active-filter") if "12 derniers mois" in link.get_text())
    assert chip["href"] == "?q=cantine"
    assert not soup_of(client.get("/fr/search/")).select_one("#facet-verified").has_attr("checked")


def test_an_unknown_value_is_ignored_and_said(client, practices):
    response = client.get("/fr/search/", {"verified": "yesterday"})
    assert len(titles(response)) == 4
    assert any(
        "vérifiées récemment" in notice or "verified recently" in notice
        for notice in response.context["search"].notices
    )
    assert client.get("/fr/search/", {"verified": "recent\x00"}).status_code == 200


def test_the_canonical_query_string_keeps_it(settings):
    params = parse(QueryDict("verified=recent&q=cantine"))
    assert params.verified_recently and params.has_filters
    assert params.querydict().urlencode() == "q=cantine&verified=recent"
    settings.PRAXIS_FRESHNESS_MAX_AGE_DAYS = 730
    assert params.verified_months == 24


def test_a_saved_search_keeps_the_filter_and_its_alerts_apply_it(lab, django_capture_on_commit_callbacks):
    member = MemberFactory(language="fr")
    form = SaveSearchForm(data={"name": "Récentes", "alert": "immediate", "query": "verified=recent"})
    assert form.is_valid(), form.errors
    form.instance.member = member
    form.instance.language = "fr"
    saved = form.save()
    assert saved.query == "verified=recent"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        StalePracticeFactory(parent=lab, title="Pas vérifiée")
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        PracticePageFactory(parent=lab, title="Vérifiée hier", last_verified=days_ago(1))
    assert [message.to for message in mail.outbox] == [[member.user.email]]
    assert SavedSearch.objects.count() == 1


def find(body, predicate):
    """Every dict inside ``body`` (a JSON-like tree) for which ``predicate`` holds."""
    found = [body] if isinstance(body, dict) and predicate(body) else []
    children = body.values() if isinstance(body, dict) else body if isinstance(body, list) else []
    for child in children:
        found += find(child, predicate)
    return found


def test_elasticsearch_gets_the_filter_in_its_query():
    backend = PraxisElasticsearchBackend(dict(ES_PARAMS))
    body = backend.match_body(PracticePage, ["cantine"], within=verified_since_q())
    ranges = find(body, lambda node: "range" in node)
    assert [node["range"] for node in ranges] == [
        {"practices_practicepage__last_verified_filter": {"gte": days_ago(365)}}
    ]
    assert find(body, lambda node: node == {"term": {"live_filter": True}})  # with the usual filters
    assert not find(backend.match_body(PracticePage, ["cantine"]), lambda node: "range" in node)
