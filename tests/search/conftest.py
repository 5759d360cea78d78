"""The search catalogue (``factories.search_data``) as a fixture, built once per test module.

Building it publishes a dozen pages in two languages, so ``search_catalogue_module``
builds it once inside a transaction that is rolled back when the module's tests are
done (like the demo fixture in tests/demo/conftest.py); each test still runs in its own
savepoint (the ``db`` fixture), so what a test writes is undone before the next one.
"""

import copy

import pytest
from factories.search_data import build_catalogue, practice
from factories.territories import load_reference, territory
from module_data import rolled_back_after_module

from search.services import engine, found
from territories.models import Level


@pytest.fixture(scope="module")
def search_catalogue_module(django_db_setup, django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        yield build_catalogue()


@pytest.fixture
def catalogue(search_catalogue_module, db):
    """The catalogue's pages and locales (``factories.search_data.build_catalogue``).

    A deep copy per test, as Django's ``setUpTestData`` gives: a test that changes a page
    object (its title, say) leaves the next test the original."""
    return copy.deepcopy(search_catalogue_module)


@pytest.fixture
def territorial(catalogue):
    """Practices in Mulhouse (a commune like Saint-Étienne), Lezoux (a small commune near
    Clermont-Ferrand) and Saint-Étienne Métropole."""
    load_reference()
    made = {}
    for key, level, code in [
        ("mulhouse", Level.COMMUNE, "68224"),
        ("lezoux", Level.COMMUNE, "63195"),
        ("metropole", Level.EPCI, "244200770"),
    ]:
        place = territory(level, code)
        made[key] = practice(
            catalogue.gironde, f"Pratique {key}", "Une pratique.", territory_name=place.name, reference_territory=place
        )
    return made


class TextMatches:
    """Every text match the search asks for: the labs' (``engine``) and the practices'
    (``found``), replaced together."""

    def __init__(self, monkeypatch):
        self.monkeypatch, self.real = monkeypatch, engine.text_match

    def route(self, text_match) -> None:
        for module in (engine, found):
            self.monkeypatch.setattr(module, "text_match", text_match)

    def degrade(self) -> None:
        """The real matches, answered as if by a fallback backend."""
        self.route(lambda model, terms, **kwargs: (self.real(model, terms, **kwargs)[0], True))

    def restore(self) -> None:
        self.route(self.real)


@pytest.fixture
def text_matches(monkeypatch):
    return TextMatches(monkeypatch)
