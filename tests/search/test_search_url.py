from django.urls import reverse
from django.utils import translation


def test_search_url_is_localised():
    with translation.override("fr"):
        assert reverse("search:index") == "/fr/search/"
    with translation.override("en"):
        assert reverse("search:index") == "/en/search/"


def test_search_page_answers(client, home):
    response = client.get("/fr/search/", {"q": "santé"})
    assert response.status_code == 200
    assert b'name="q"' in response.content
