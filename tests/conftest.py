"""Shared fixtures. Factories live in tests/factories (tests/ is on sys.path)."""

import pytest
from django.core.cache import cache

from praxis.services.site_setup import ensure_site


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached site roots, sheets or search state
    must not outlive the database rows a previous test created (or flushed)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    """The French home page inside a default Site, with its translations."""
    return ensure_site()


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "password")
