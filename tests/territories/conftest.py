import pytest
from factories.territories import load_reference, territory


@pytest.fixture
def reference(db):
    """The shipped extract loaded: ``reference(level, code)`` finds a territory."""
    load_reference()
    return territory
