"""Shared fixtures. Factories live in tests/factories (tests/ is on sys.path)."""

import pytest

from praxis.services.site_setup import ensure_site


@pytest.fixture
def home(db):
    """The French home page inside a default Site, with its translations."""
    return ensure_site()


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "password")
