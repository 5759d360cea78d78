"""The demo content as a fixture, loaded once per test module.

Loading the demo takes a while, so ``demo_module`` loads it once inside a transaction
that is rolled back when the module's tests are done; each test still runs in its own
savepoint (the ``db`` fixture), so nothing leaks to other modules. Images are written to
a temporary media folder.
"""

import shutil

import pytest
import yaml
from django.test import override_settings
from module_data import rolled_back_after_module

from demo.catalogue import CONTENT
from demo.loader import load_demo


@pytest.fixture(scope="module")
def demo_module(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("demo-media")
    with override_settings(MEDIA_ROOT=str(media)), rolled_back_after_module(django_db_blocker):
        yield load_demo()


@pytest.fixture
def demo(demo_module, db):
    """The loaded demo (``demo.loader.DemoContent``)."""
    return demo_module


@pytest.fixture
def demo_media(settings, tmp_path):
    """A throw-away media folder for tests that load the demo themselves."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return settings.MEDIA_ROOT


@pytest.fixture
def content_copy(tmp_path):
    """A copy of the demo's data files holding only the items given by kind (and every source),
    to load a few pages quickly or to edit a file as a translator would."""

    def copy(**keys: list[str]):
        folder = tmp_path / "content"
        for kind, names in keys.items():
            (folder / kind).mkdir(parents=True)
            for name in names:
                shutil.copy(CONTENT / kind / f"{name}.yaml", folder / kind)
        shutil.copy(CONTENT / "sources.yaml", folder)
        (folder / "catalogue.yaml").write_text(yaml.safe_dump(keys), encoding="utf-8")
        return folder

    return copy
