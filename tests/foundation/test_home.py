from django.conf import settings
from wagtail.models import Locale, Site

from praxis.models import HomePage
from praxis.services.site_setup import ensure_site


def test_home_page_renders_with_its_heading(client, home):
    response = client.get("/fr/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert '<h1 id="home-title">Praxis</h1>' in html


def test_root_redirects_to_a_language(client, home):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_english_home_exists_and_renders(client, home):
    response = client.get("/en/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_site_setup_is_idempotent(db):
    first = ensure_site()
    second = ensure_site()
    assert first.pk == second.pk
    assert HomePage.objects.count() == len(settings.WAGTAIL_CONTENT_LANGUAGES)
    assert Site.objects.count() == 1
    assert Site.objects.get().root_page_id == first.pk


def test_a_locale_exists_for_every_configured_language(db):
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert {code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES} <= codes


def test_unknown_path_is_a_404_in_the_site_design(client, home):
    response = client.get("/fr/does-not-exist/")
    assert response.status_code == 404
    assert "Praxis" in response.content.decode()


def test_english_home_has_an_english_introduction(client, home):
    html = client.get("/en/").content.decode()
    assert "The inspiring practices of public innovation labs" in html
    assert "Les pratiques inspirantes" not in html
