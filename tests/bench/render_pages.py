"""Render benchmark: median and p95 in-process time of a practice page, a lab page and the
practice index, served through Django's test client (routing, context, templates).

    make bench-render    # or: uv run python tests/bench/render_pages.py [--runs 50] [--no-demo]

Throw-away test databases are created (SQLite in memory, or the test database of
DATABASE_URL) and destroyed afterwards: one with a representative, well documented
practice (5 terms per vocabulary, 3 labs, 6 key figures, 5 documents, 4 transpositions
each way), one with the demo content. Each page is timed as a full request through the
test client (middleware, routing, site shell) and as ``page.serve`` alone (its context and
templates). The parts every reader sees are cached after the warm-up requests
(``praxis.services.fragments``); the practice page is also timed with that cache off.
Not a unit test: the figures depend on the machine and its load.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parents[1]


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure(client, url, runs, warmup=5):
    """Wall-clock and CPU milliseconds of each request (CPU time is less disturbed when
    other processes share the machine)."""
    for _ in range(warmup):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200
    return wall, cpu


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return len(context.captured_queries)


def build_pages():
    """The representative practice (and one of its labs, and the practice index)."""
    from factories import PracticeIndexPageFactory
    from factories.showcase import showcase_practice

    from praxis.services.site_setup import ensure_site

    ensure_site()
    index = PracticeIndexPageFactory()
    practice = showcase_practice(terms=5, labs=3, figures=6, docs=5, transpositions=4)
    lab = practice.labs.order_by("pk").first()
    return {"practice page": practice, "lab page": lab, "practice index": index}


def load_demo_pages():
    """The demo content (demo/content): its French practice with the most transpositions."""
    from django.db.models import Count

    from demo.loader import load_demo
    from labs.models import LabPage
    from practices.models import PracticeIndexPage, PracticePage

    load_demo()
    french = PracticePage.objects.live().public().filter(locale__language_code="fr")
    practice = french.annotate(links=Count("transposed_from") + Count("transpositions")).order_by("-links").first()
    lab = LabPage.objects.live().public().filter(locale__language_code="fr").order_by("pk").first()
    index = PracticeIndexPage.objects.live().filter(locale__language_code="fr").first()
    return {"practice page": practice, "lab page": lab, "practice index": index}


def serve_only(page, url):
    """The page's own work: context and templates, without middleware and routing."""
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory
    from django.utils import translation

    request = RequestFactory().get(url)
    request.user = AnonymousUser()
    request.COOKIES = {}
    with translation.override(page.locale.language_code):
        response = page.serve(request)
        response.render()
    assert response.status_code == 200


def report(pages, runs):
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    client = Client()
    print(f"{connection.vendor}, {runs} runs each after 5 warm-up requests; times in ms")
    print("(uncached: the practice page with the fragment cache off, as for the first reader after a publication)")
    print(f"{'':<16}{'request (test client)':^27}{'page.serve only':^18}")
    print(f"{'page':<16}{'median':>9}{'p95':>9}{'CPU med':>9}{'median':>9}{'p95':>9}{'queries':>9}")
    for name, page in pages.items():
        page = type(page.specific).objects.get(pk=page.pk)  # as served: relations from the database
        print_row(client, name, page, runs)
        if name == "practice page":
            with override_settings(PRAXIS_FRAGMENT_CACHE_SECONDS=0):
                print_row(client, "  uncached", page, runs)


def print_row(client, name, page, runs):
    url = page.url
    wall, cpu = measure(client, url, runs)
    served = timed(lambda: serve_only(page, url), runs)
    print(
        f"{name:<16}{statistics.median(wall):>9.1f}{percentile(wall, 0.95):>9.1f}{statistics.median(cpu):>9.1f}"
        f"{statistics.median(served):>9.1f}{percentile(served, 0.95):>9.1f}{count_queries(client, url):>9}"
    )


def timed(action, runs, warmup=5):
    for _ in range(warmup):
        action()
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def in_test_database(build, runs):
    from django.db import connection
    from django.test.utils import override_settings

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
            report(build(), runs)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--no-demo", action="store_true", help="skip the measure on the demo content")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(TESTS_DIR))  # the shared factories, as under pytest
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "praxis.settings.test")
    warnings.filterwarnings("ignore", message="No directory at")
    import django

    django.setup()
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    try:
        print("Representative practice: 5 terms per vocabulary, 3 labs, 6 key figures, 5 documents,")
        print("4 transpositions each way")
        in_test_database(build_pages, args.runs)
        if not args.no_demo:
            print()
            print("Demo content (demo/content)")
            in_test_database(load_demo_pages, args.runs)
    finally:
        teardown_test_environment()


if __name__ == "__main__":
    main()
