"""Anonymous pages are cacheable; private, preview and signed-in responses never are."""

from factories import PracticePageFactory
from wagtail.models import PageViewRestriction


def test_anonymous_page_view_is_publicly_cacheable(client, home):
    response = client.get("/fr/")
    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_signed_in_page_view_is_private(client, home, superuser):
    client.force_login(superuser)
    response = client.get("/fr/")
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_restricted_page_is_never_publicly_cached(client, home):
    practice = PracticePageFactory()
    PageViewRestriction.objects.create(page=practice, restriction_type=PageViewRestriction.PASSWORD, password="x")
    response = client.get(practice.url)
    assert "public" not in response.get("Cache-Control", "")


def test_preview_is_private(client, home, superuser):
    practice = PracticePageFactory()
    client.force_login(superuser)
    response = client.get(f"/admin/pages/{practice.pk}/edit/preview/")
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")


def test_not_found_is_not_cached_publicly(client, home):
    response = client.get("/fr/nothing-here/")
    assert response.status_code == 404
    assert "public" not in response.get("Cache-Control", "")
