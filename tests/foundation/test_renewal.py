"""After a publication the worker renews what every reader sees (home sections, listings, the
lab directory, lab pages, feeds, the search page's answer, API listing, sitemaps) before readers ask: the first reader
costs what any later reader costs. Until the worker is done, readers get the previous version;
without it, one reader rebuilds a part while the others get the previous version. A search's
answer is never served stale (``search.services.kept``): meanwhile, it alone is looked for again."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from factories import LabIndexPageFactory, LabPageFactory, PracticeIndexPageFactory, PracticePageFactory
from wagtail.models import Site

from practices.models import PracticePage
from praxis.services import fragments, warming

pytestmark = pytest.mark.django_db

SHOW_PRACTICES = ("home", "practice index", "lab page", "feed", "API listing")  # titles of the latest
PAGES = ("home", "practice index", "lab directory", "lab page")  # Wagtail's pages (the others are views)
PAGE_QUERIES = 2  # a page read again after a change (praxis.routing): the pages on its path, the page


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def catalogue(home, client):
    client.defaults["HTTP_HOST"] = "localhost"  # the site's host, as readers address it
    directory = LabIndexPageFactory()
    lab = LabPageFactory(parent=directory, title="Labo Lille")
    PracticePageFactory(parent=lab, title="Carte culture jeunes", labs=[lab])
    index = PracticeIndexPageFactory()
    return {
        "home": "/fr/",
        "practice index": index.url,
        "lab directory": directory.url,
        "lab page": lab.url,
        "feed": "/fr/search/feed/rss/",
        "search page": "/fr/search/",  # its answer (facet counts, results)
        "API listing": "/api/v2/pages/",
        "sitemap": "/sitemap-1.xml",
        "lab": lab,
    }


def pages(catalogue) -> dict:
    return {name: url for name, url in catalogue.items() if name != "lab"}


def read(client, url) -> tuple[int, str]:
    """Queries and body of one anonymous request."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


def publish_new_practice(catalogue, django_capture_on_commit_callbacks):
    """A practice published and committed (the commit is what queues the renewal)."""
    lab = catalogue["lab"]
    with django_capture_on_commit_callbacks(execute=True):
        PracticePageFactory(parent=lab, title="Permis de végétaliser", labs=[lab])


def test_the_first_reader_after_a_publication_costs_what_any_reader_costs(
    client, catalogue, settings, django_capture_on_commit_callbacks
):
    settings.PRAXIS_RENEW_AFTER_CHANGES = True
    for url in pages(catalogue).values():
        read(client, url)
    publish_new_practice(catalogue, django_capture_on_commit_callbacks)  # the worker (immediate) renews

    for name, url in pages(catalogue).items():
        first, body = read(client, url)
        second, _body = read(client, url)
        assert first == second, name
        if name in SHOW_PRACTICES:
            assert "Permis de végétaliser" in body, name
    assert not fragments.renewing()


def test_the_worker_counts_the_search_page_before_its_first_reader(
    client, catalogue, settings, django_capture_on_commit_callbacks
):
    settings.PRAXIS_RENEW_AFTER_CHANGES = True
    read(client, catalogue["search page"])
    publish_new_practice(catalogue, django_capture_on_commit_callbacks)  # the worker (immediate) renews
    with CaptureQueriesContext(connection) as captured:
        response = client.get(catalogue["search page"])
    assert not any("GROUP BY" in query["sql"] for query in captured.captured_queries)  # counted by the worker
    assert response.context["search"].total == 2
    assert "Permis de végétaliser" in response.content.decode()


def test_without_the_worker_the_first_reader_rebuilds(client, catalogue, settings, django_capture_on_commit_callbacks):
    """What the renewal saves: the same steps, nothing renewed."""
    for url in pages(catalogue).values():
        read(client, url)
    publish_new_practice(catalogue, django_capture_on_commit_callbacks)
    first, body = read(client, "/fr/")
    second, _body = read(client, "/fr/")
    assert first > second
    assert "Permis de végétaliser" in body


def test_readers_get_the_previous_version_until_the_worker_has_renewed(
    client, catalogue, settings, django_capture_on_commit_callbacks, monkeypatch
):
    settings.PRAXIS_RENEW_AFTER_CHANGES = True
    queued = []
    monkeypatch.setattr(warming, "renew_fragments", type("Queue", (), {"enqueue": lambda self: queued.append(1)})())
    for url in pages(catalogue).values():
        read(client, url)
    cached = {name: read(client, url)[0] for name, url in pages(catalogue).items()}  # second readers
    with monkeypatch.context() as not_kept:  # the search page, every fragment kept but what it searches with
        not_kept.setattr("search.services.kept._get", lambda *args: None)  # its answer, vocabularies, labs
        not_kept.setattr("search.services.tally.current", lambda request: None)  # the statement counts it
        searching = read(client, catalogue["search page"])[0]

    publish_new_practice(catalogue, django_capture_on_commit_callbacks)
    assert queued and fragments.renewing()
    # This process's first request after the change reads again what it keeps per content
    # version (praxis.services.versioned: the site, the view restrictions), one query each;
    # each page request reads its page again (praxis.routing: the pages on its path, the
    # page itself), never served from before the change.
    first, _body = read(client, catalogue["home"])
    assert first <= cached["home"] + 2 + PAGE_QUERIES
    for name, url in pages(catalogue).items():
        count, body = read(client, url)
        if name in SHOW_PRACTICES:
            assert "Permis de végétaliser" not in body, name  # the previous version
        page = PAGE_QUERIES if name in PAGES and name != "home" else 0
        assert count <= (searching if name == "search page" else cached[name] + page), name  # nothing rebuilt

    monkeypatch.undo()
    warming.renew_fragments.call()  # the worker's turn
    assert not fragments.renewing()
    for name, url in pages(catalogue).items():
        count, body = read(client, url)
        if name in SHOW_PRACTICES:
            assert "Permis de végétaliser" in body, name
        assert count == cached[name], name


def test_a_worker_that_never_comes_delays_readers_at_most_its_allowance(
    client, catalogue, settings, django_capture_on_commit_callbacks, monkeypatch
):
    settings.PRAXIS_RENEW_AFTER_CHANGES = True
    monkeypatch.setattr(warming, "renew_fragments", type("Lost", (), {"enqueue": lambda self: None})())
    read(client, "/fr/")
    publish_new_practice(catalogue, django_capture_on_commit_callbacks)
    assert "Permis de végétaliser" not in read(client, "/fr/")[1]
    fragments.cache.delete(fragments.RENEWING_KEY)  # what PRAXIS_RENEW_MAX_SECONDS does
    assert "Permis de végétaliser" in read(client, "/fr/")[1]


def test_one_reader_rebuilds_a_part_while_the_others_get_the_previous_version():
    built = []

    def build(value):
        def compute():
            built.append(value)
            return value

        return compute

    assert fragments.current_or_stale("part", 1, build("v1")) == "v1"
    assert fragments.current_or_stale("part", 1, build("again")) == "v1"  # current: kept
    fragments.cache.add("part:rebuilding", 2)  # another reader is building version 2
    assert fragments.current_or_stale("part", 2, build("v2")) == "v1"
    assert built == ["v1"]
    fragments.cache.delete("part:rebuilding")  # it failed: the next reader builds
    assert fragments.current_or_stale("part", 2, build("v2")) == "v2"
    assert fragments.current_or_stale("part", 2, build("again")) == "v2"
    assert built == ["v1", "v2"]
    assert not fragments.cache.get("part:rebuilding")

    fragments.cache.add("new-part:rebuilding", 1)  # nothing to serve meanwhile: built anyway
    assert fragments.current_or_stale("new-part", 1, build("n1")) == "n1"


def test_the_worker_requests_every_registered_listing(catalogue):
    site = catalogue["lab"].get_site()
    paths = [path for source in warming.ordered_sources() for path in source(site)]
    for name in ("home", "practice index", "lab directory", "feed", "search page", "API listing", "lab page"):
        assert catalogue[name] in paths, name
    assert "/sitemap.xml" in paths and "/en/" in paths
    assert paths.index(catalogue["lab page"]) > paths.index(catalogue["practice index"])  # lab pages last


def test_a_practice_just_published_is_built_before_its_first_reader(
    client, catalogue, settings, django_capture_on_commit_callbacks
):
    """Its page, route and similar practices included (``warming.recently_published``)."""
    settings.PRAXIS_RENEW_AFTER_CHANGES = True
    publish_new_practice(catalogue, django_capture_on_commit_callbacks)  # the worker (immediate) renews
    practice = PracticePage.objects.get(title="Permis de végétaliser")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(practice.url)
    assert response.status_code == 200 and "Permis de végétaliser" in response.content.decode()
    statements = [query["sql"] for query in captured.captured_queries]
    assert not any("SUM(weight)" in sql for sql in statements)  # its similar practices were scored
    assert not any('FROM "wagtailcore_page"' in sql for sql in statements)  # its page was kept


def test_practices_published_long_ago_are_left_to_their_readers(catalogue, home):
    source = warming.recently_published(PracticePage)
    site = Site.objects.get(is_default_site=True)
    practice = PracticePage.objects.get(title="Carte culture jeunes")
    assert list(source(site)) == [practice.get_url_parts()[2]]
    PracticePage.objects.update(last_published_at=timezone.now() - timedelta(hours=2))
    assert list(source(site)) == []
