"""/ redirects to the reader's language, the switch is remembered, unknown prefixes are 404."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr-FR,fr;q=0.9", "/fr/"),
        ("en-GB,en;q=0.9,fr;q=0.5", "/en/"),
        ("en-US", "/en/"),
        ("de-DE,de;q=0.9", "/fr/"),  # German is not enabled: the default language
        ("ja,zh;q=0.8", "/fr/"),
        ("", "/fr/"),
    ],
)
def test_root_redirects_by_accept_language(client, home, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_switching_language_is_remembered_for_the_root(client, practice_fr, practice_en):
    response = client.get("/en/language/", {"next": practice_en.url}, headers={"accept-language": "fr"})
    assert response.status_code == 302
    assert response["Location"] == practice_en.url
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert client.get(response["Location"]).status_code == 200

    # A French browser now lands in English, until the reader switches back.
    assert client.get("/", headers={"accept-language": "fr"})["Location"] == "/en/"
    client.get("/fr/language/", {"next": practice_fr.url})
    assert client.get("/", headers={"accept-language": "en"})["Location"] == "/fr/"


def test_reading_a_page_in_another_language_does_not_change_the_preference(client, practice_en):
    client.get("/fr/language/", {"next": "/fr/"})
    assert client.get(practice_en.url).status_code == 200
    assert client.get("/")["Location"] == "/fr/"


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/en/", "//evil.example/en/", "/fr/pratiques/", "javascript:alert(1)", ""],
)
def test_switch_never_leaves_the_site_nor_the_language(client, home, next_url):
    response = client.get("/en/language/", {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.parametrize("code", ["xx", "de", "EN"])
def test_switch_to_a_language_that_is_not_enabled_is_404(client, home, code):
    response = client.get(f"/{code}/language/", {"next": "/fr/"})
    assert response.status_code == 404
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_switch_refuses_post(client, home):
    assert client.post("/en/language/", {"next": "/en/"}).status_code == 405


@pytest.mark.parametrize("path", ["/xx/", "/de/", "/de/pratiques/", "/zz/anything/deep/", "/pt-br/"])
def test_unknown_language_prefix_is_404_not_a_redirect(client, home, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Praxis" in response.content.decode()  # the site's own 404 page


def test_unknown_prefix_404_speaks_the_readers_language(client, home):
    response = client.get("/xx/", headers={"accept-language": "en"})
    assert response.status_code == 404
    assert '<html lang="en">' in response.content.decode()


def test_path_without_prefix_still_redirects_to_the_default_language(client, practice_fr):
    response = client.get("/pratiques/budget-participatif-colleges/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/pratiques/budget-participatif-colleges/"


def test_english_slugs_serve_the_english_translation(client, practice_fr, practice_en):
    assert client.get("/en/practices/participatory-budgeting-schools/").status_code == 200
    # The French slug does not exist in the English tree.
    assert client.get("/en/pratiques/budget-participatif-colleges/").status_code == 404
