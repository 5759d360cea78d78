"""The pages found by ``praxis.routing`` are kept per content version: a page asked again is
not read again; its new version, its unpublication, its move and a new restriction apply at
the next request; each request gets its own copy; editors and paths leading to no page are
always read afresh (real HTTP requests, SQLite and PostgreSQL)."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from factories import LabIndexPageFactory, LabPageFactory, PracticePageFactory
from wagtail.models import PageViewRestriction

from praxis import routing

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice(home):
    lab = LabPageFactory(parent=LabIndexPageFactory(), title="Labo Lille")
    return PracticePageFactory(parent=lab, title="Carte culture jeunes", slug="carte-culture", labs=[lab])


def read_pages(client, url) -> tuple[int, bool]:
    """The response's status and whether it read pages from ``wagtailcore_page``."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response.status_code, any('FROM "wagtailcore_page"' in query["sql"] for query in captured.captured_queries)


def test_a_page_asked_again_is_not_read_again(client, practice):
    assert read_pages(client, practice.url) == (200, True)
    assert read_pages(client, practice.url) == (200, False)
    assert "Carte culture jeunes" in client.get(practice.url).content.decode()


def test_a_new_version_is_served_at_once(client, practice):
    client.get(practice.url)
    practice.title = "Carte culture pour tous"
    practice.save_revision().publish()
    status, read = read_pages(client, practice.url)
    assert status == 200 and read
    assert "Carte culture pour tous" in client.get(practice.url).content.decode()


def test_an_unpublished_page_is_gone_at_once(client, practice):
    client.get(practice.url)
    practice.unpublish()
    assert client.get(practice.url).status_code == 404


def test_a_moved_page_is_found_at_its_new_address_at_once(client, practice, home):
    old_url = practice.url
    client.get(old_url)
    other = LabPageFactory(parent=practice.get_parent().get_parent(), title="Labo Mulhouse", slug="labo-mulhouse")
    practice.move(other, pos="last-child")
    practice.refresh_from_db()
    moved = client.get(old_url)  # Wagtail's automatic redirect, not the page kept at its old address
    assert moved.status_code == 301 and moved["Location"] == practice.url
    assert client.get(practice.url).status_code == 200


def test_a_new_restriction_applies_at_once(client, practice):
    client.get(practice.url)
    PageViewRestriction.objects.create(page=practice, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(practice.url)
    assert response.status_code == 302 and "/_util/login/" in response["Location"]


def test_each_request_gets_its_own_copy(practice):
    path = practice.url_path.removeprefix("/accueil/")

    def route():
        request = RequestFactory().get("/", HTTP_HOST="localhost")
        with translation.override("fr"):
            return routing.fast_route(request, path)

    first, second = route(), route()
    assert first[0].pk == second[0].pk == practice.pk
    assert first[0] is not second[0]
    first[0].title = "Changed by one request"
    assert route()[0].title == "Carte culture jeunes"


def test_editors_get_their_page_read_afresh(client, practice, superuser):
    client.get(practice.url)
    client.force_login(superuser)
    assert read_pages(client, practice.url) == (200, True)
    assert read_pages(client, practice.url) == (200, True)


def test_sub_routes_are_kept_and_unknown_paths_are_not(client, practice):
    sheet = practice.url + "sheet/"
    assert read_pages(client, sheet) == (200, True)
    assert read_pages(client, sheet) == (200, False)
    for url in ("/fr/nulle-part/", practice.url + "nope/"):
        assert read_pages(client, url) == (404, True)
        assert read_pages(client, url) == (404, True)


def test_nothing_is_kept_when_the_fragment_cache_is_off(client, practice, settings):
    settings.PRAXIS_FRAGMENT_CACHE_SECONDS = 0
    client.get(practice.url)
    assert read_pages(client, practice.url) == (200, True)


def test_a_kept_private_page_still_asks_every_reader_to_sign_in(client, practice, django_user_model):
    PageViewRestriction.objects.create(page=practice, restriction_type=PageViewRestriction.LOGIN)
    reader = django_user_model.objects.create_user("reader", "reader@example.org", "pw")
    signed_in = client.__class__()
    signed_in.force_login(reader)
    assert signed_in.get(practice.url).status_code == 200  # kept by a reader allowed to see it
    for _ in range(2):
        response = client.get(practice.url)
        assert response.status_code == 302 and "/_util/login/" in response["Location"]
        assert "Carte culture jeunes" not in response.content.decode()
