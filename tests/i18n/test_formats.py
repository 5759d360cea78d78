"""Dates, numbers and country names follow the page's language."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation
from django_countries.fields import Country

pytestmark = pytest.mark.django_db


def render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template(source).render(Context(context))


def test_dates_are_written_the_way_each_language_writes_them():
    day = datetime.date(2024, 3, 5)
    assert render("{{ day|date }}", "fr", day=day) == "5 mars 2024"
    assert render("{{ day|date }}", "en", day=day) == "March 5, 2024"
    assert render("{{ day|date:'SHORT_DATE_FORMAT' }}", "fr", day=day) == "05/03/2024"


def test_numbers_use_each_languages_separators():
    assert render("{{ n|floatformat:'0g' }}", "fr", n=48500) == "48\xa0500"
    assert render("{{ n|floatformat:'0g' }}", "en", n=48500) == "48,500"
    assert render("{{ n|floatformat:2 }}", "fr", n=3.5) == "3,50"
    # Years stay years: no thousands separator by default.
    assert render("{{ year }}", "fr", year=2018) == "2018"


def test_country_names_are_in_the_active_language():
    assert render("{{ country.name }}", "fr", country=Country("DK")) == "Danemark"
    assert render("{{ country.name }}", "en", country=Country("DK")) == "Denmark"


def test_a_practice_page_shows_its_country_in_the_pages_language(client, practice_fr, practice_en):
    from practices.models import PracticePage

    PracticePage.objects.filter(translation_key=practice_fr.translation_key).update(country="DE")
    assert "Allemagne" in client.get(practice_fr.url).content.decode()
    assert "Germany" in client.get(practice_en.url).content.decode()
