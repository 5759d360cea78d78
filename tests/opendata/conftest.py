"""Fixtures for import, export, open data, API and JSON-LD tests."""

import pytest
from factories import LabPageFactory, PracticeIndexPageFactory

from practices.io.importer import import_practices
from praxis.services.site_setup import ensure_translation


@pytest.fixture
def lab(home):
    return LabPageFactory(slug="lab-test", title="Lab test")


@pytest.fixture
def english_lab(lab):
    from wagtail.models import Locale

    return ensure_translation(lab, Locale.objects.get(language_code="en"))


@pytest.fixture
def practice_index(home):
    return PracticeIndexPageFactory()


@pytest.fixture
def run_import():
    def run(data: bytes, **options):
        return import_practices(data, **options)

    return run
