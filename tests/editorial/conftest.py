"""Two labs, their editors and the network editorial team, set up as in production."""

import pytest
from factories import LabPageFactory
from factories.editorial import lab_editor, network_editor

from praxis.services.editorial import ensure_editorial_setup


@pytest.fixture
def editorial(home):
    return ensure_editorial_setup()


@pytest.fixture
def lab_a(editorial):
    return LabPageFactory(title="Lab Alpha", slug="lab-alpha")


@pytest.fixture
def lab_b(editorial):
    return LabPageFactory(title="Lab Beta", slug="lab-beta")


@pytest.fixture
def editor_a(lab_a):
    return lab_editor(lab_a, username="alice")


@pytest.fixture
def editor_b(lab_b):
    return lab_editor(lab_b, username="bob")


@pytest.fixture
def reviewer(editorial):
    return network_editor(username="nadia")
