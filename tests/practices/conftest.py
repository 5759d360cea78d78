"""Fixtures of the practice page tests: media written to a temporary folder, and a practice
with every section filled (``factories.showcase``)."""

import pytest
from factories.showcase import showcase_practice


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def practice(home):
    return showcase_practice(terms=2, labs=2, figures=3, docs=2, transpositions=2)
