"""The search catalogue (``factories.search_data``) as a fixture, built once per test module.

Building it publishes a dozen pages in two languages, so ``search_catalogue_module``
builds it once inside a transaction that is rolled back when the module's tests are
done (like the demo fixture in tests/demo/conftest.py); each test still runs in its own
savepoint (the ``db`` fixture), so what a test writes is undone before the next one.
"""

import copy

import pytest
from django.core.cache import cache
from django.db import transaction
from factories.search_data import build_catalogue


@pytest.fixture(scope="module")
def search_catalogue_module(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with transaction.atomic():
            built = build_catalogue()
            yield built
            transaction.set_rollback(True)
        cache.clear()  # site root paths and the like pointed at rolled-back pages


@pytest.fixture
def catalogue(search_catalogue_module, db):
    """The catalogue's pages and locales (``factories.search_data.build_catalogue``).

    A deep copy per test, as Django's ``setUpTestData`` gives: a test that changes a page
    object (its title, say) leaves the next test the original."""
    return copy.deepcopy(search_catalogue_module)
