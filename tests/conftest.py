"""Shared fixtures. Factories live in tests/factories (tests/ is on sys.path)."""

import pytest
from django.core.cache import cache
from django_tasks.signals import task_enqueued

from praxis.services import frontend_cache, versioned
from praxis.services.site_setup import ensure_site


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached site roots, sheets or search state
    must not outlive the database rows a previous test created (or flushed); nor what a
    process keeps per content version (a rolled-back test takes the version back)."""
    cache.clear()
    versioned.forget()
    yield
    cache.clear()
    versioned.forget()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test writes its files (open-data builds, dossiers, renditions) to a folder of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def home(db):
    """The French home page inside a default Site, with its translations."""
    return ensure_site()


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "password")


# Query counts of pages: bounds are counted on top of what a bare page costs (routing,
# header, language versions, navigation, footer), so the site shell can change without
# moving them.


@pytest.fixture
def shell(client, home):
    """Queries of a bare standard page: what every page costs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from praxis.models import StandardPage

    bare = home.add_child(instance=StandardPage(title="Page nue", slug="page-nue", locale=home.locale))
    bare.save_revision().publish()
    client.get(bare.url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(bare.url).status_code == 200
    return len(captured)


@pytest.fixture
def queries_for(client, django_assert_max_num_queries):
    """``queries_for(url, bound)``: the queries of a second request to ``url`` (the first
    warms the caches: site root paths, renditions...), at most ``bound``, and its HTML."""

    def measure(url, bound):
        client.get(url)
        with django_assert_max_num_queries(bound) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured), response.content.decode()

    return measure


@pytest.fixture
def frontend_cache_sent(settings, monkeypatch):
    """What the app would send to a front-end cache (Varnish): ``(method, URL or tags)``."""
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "praxis.services.frontend_cache.VarnishBackend", "LOCATION": "http://127.0.0.1:6081"}
    }
    requests = []
    monkeypatch.setattr(frontend_cache.VarnishBackend, "purge", lambda self, url: requests.append(("PURGE", url)))
    monkeypatch.setattr(frontend_cache.VarnishBackend, "ban_tags", lambda self, tags: requests.append(("BAN", tags)))
    return requests


@pytest.fixture
def enqueued():
    """The tasks enqueued during the test (their results: task, args), whichever thread
    enqueued them."""
    results = []

    def collect(sender, task_result, **kwargs):
        results.append(task_result)

    task_enqueued.connect(collect)
    yield results
    task_enqueued.disconnect(collect)
