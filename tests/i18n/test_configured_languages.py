"""More languages by configuration only: PRAXIS_LANGUAGES=fr,en,de adds German."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from factories.translations import translate_page
from wagtail.models import Locale

from praxis.services.locales import sync_locales
from praxis.services.site_setup import ensure_site

REPO = Path(__file__).resolve().parents[2]
WITH_GERMAN = [("fr", "French"), ("en", "English"), ("de", "German")]


def test_the_environment_variable_adds_a_language_without_code_change():
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env.update({"DJANGO_SETTINGS_MODULE": "praxis.settings.test", "PRAXIS_LANGUAGES": "fr,en,de"})
    script = (
        "from django.conf import settings; "
        "print([c for c, _ in settings.LANGUAGES]); print([c for c, _ in settings.WAGTAIL_CONTENT_LANGUAGES])"
    )
    result = subprocess.run(
        [sys.executable, str(REPO / "manage.py"), "shell", "--no-imports", "-c", script],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["['fr', 'en', 'de']", "['fr', 'en', 'de']"]


@pytest.mark.django_db
def test_german_is_not_served_when_not_enabled(client, home):
    assert client.get("/de/").status_code == 404


@pytest.mark.django_db
def test_an_enabled_language_gets_a_locale_urls_a_switcher_and_the_sitemap(client, practice_fr, practice_en):
    with override_settings(LANGUAGES=WITH_GERMAN, WAGTAIL_CONTENT_LANGUAGES=WITH_GERMAN):
        sync_locales()  # what migrate does on deployment
        assert Locale.objects.filter(language_code="de").exists()
        ensure_site()  # the German home page
        german = translate_page(practice_fr, "de", title="Bürgerhaushalt", slug="buergerhaushalt")

        response = client.get(german.url, headers={"accept-language": "de"})
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.html["lang"] == "de"
        switcher = {link["hreflang"]: link.get_text(strip=True) for link in soup.select("nav.language-switcher a")}
        assert switcher == {"fr": "Français", "en": "English", "de": "Deutsch"}
        assert {link["hreflang"] for link in soup.select('link[rel="alternate"]')} == {"fr", "en", "de", "x-default"}

        assert client.get("/", headers={"accept-language": "de-DE,de"})["Location"] == "/de/"
        assert german.full_url in client.get("/sitemap-1.xml").content.decode()
        assert "/sitemap-1.xml" in client.get("/sitemap.xml").content.decode()
