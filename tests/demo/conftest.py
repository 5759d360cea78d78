"""The demo content as a fixture, loaded once per test module.

Loading the demo takes a while, so ``demo_module`` loads it once inside a transaction
that is rolled back when the module's tests are done; each test still runs in its own
savepoint (the ``db`` fixture), so nothing leaks to other modules. Images are written to
a temporary media folder.
"""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings

from practices.demo.loader import load_demo


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)):
        with transaction.atomic():
            content = load_demo()
            yield content
            transaction.set_rollback(True)
        cache.clear()  # site root paths and the like pointed at rolled-back pages


@pytest.fixture
def demo(demo_module, db):
    """The loaded demo (``practices.demo.loader.DemoContent``)."""
    return demo_module


@pytest.fixture
def demo_media(settings, tmp_path):
    """A throw-away media folder for tests that load the demo themselves."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return settings.MEDIA_ROOT
