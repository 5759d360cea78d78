"""Routing benchmark: the practice page, the lab page and their neighbours served with pages
found by ``url_path`` (``praxis.routing``) and with Wagtail's walk from the root, in the same
process, alternately; and the route alone (``fast_route`` vs ``Page.route_for_request``).

    DATABASE_URL=postgres://postgres@127.0.0.1:54329/praxis_10k uv run python tests/bench/routing_bench.py
    ... routing_bench.py --runs 60 --profile practice    # cProfile of 200 requests of one page

The database must already hold generated practices (``manage.py generate_practices``); it is
migrated, not changed otherwise. Production settings, local-memory cache (the fragments every
reader sees stay cached, as in a warm server). Median and p95 of whole requests through
Django's test client, and the SQL queries of one. Not a unit test: figures depend on the machine.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:54329/praxis_10k")
os.environ["DJANGO_SETTINGS_MODULE"] = "praxis.settings.production"
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ["SECURE_SSL_REDIRECT"] = "false"
os.environ.pop("ELASTICSEARCH_URL", None)
os.environ.pop("REDIS_URL", None)
sys.path.insert(0, str(Path(__file__).resolve().parent))

import django  # noqa: E402
from django.conf import settings  # noqa: E402

django.setup()
from django.test.utils import override_settings  # noqa: E402

override_settings(
    STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
).enable()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.utils import translation  # noqa: E402
from wagtail.models import Page  # noqa: E402

from praxis import routing  # noqa: E402

FAST = routing.fast_route


def use(fast: bool) -> None:
    routing.fast_route = FAST if fast else (lambda request, path: None)


def urls() -> dict:
    from labs.models import LabIndexPage, LabPage
    from practices.models import PracticePage

    def first(model, **filters):
        return model.objects.live().public().filter(locale__language_code="fr", **filters).order_by("pk").first()

    count = PracticePage.objects.filter(locale__language_code="fr").count()
    practice = first(PracticePage, slug=f"gen-{max(count // 2, 1)}") or first(PracticePage)
    lab = first(LabPage, slug="gen-lab-1") or first(LabPage)
    return {
        "practice page": practice.url,
        "lab page": lab.url,
        "home": "/fr/",
        "lab directory": first(LabIndexPage).url,
    }


def timed(client: Client, url: str, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        begin = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - begin) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return samples


def queries(client: Client, url: str) -> int:
    seen = []
    with connection.execute_wrapper(lambda execute, sql, *args: seen.append(sql) or execute(sql, *args)):
        client.get(url)
    return len(seen)


def summary(samples: list[float]) -> str:
    p95 = statistics.quantiles(samples, n=20)[18] if len(samples) >= 20 else max(samples)
    return f"median {statistics.median(samples):6.1f} ms  p95 {p95:6.1f} ms"


def route_only(path: str, runs: int) -> dict:
    """Milliseconds of finding the route alone, on fresh requests (the site looked up each time)."""
    factory = RequestFactory()
    figures = {}
    for name, find in (("url_path", FAST), ("wagtail walk", Page.route_for_request)):
        samples = []
        with translation.override("fr"):
            for _ in range(runs):
                request = factory.get("/")
                begin = time.perf_counter()
                route = find(request, path)
                samples.append((time.perf_counter() - begin) * 1000)
                assert route is not None, path
        figures[name] = statistics.median(samples)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=40, help="requests per page and routing, per round")
    parser.add_argument("--rounds", type=int, default=3, help="alternations of the two routings")
    parser.add_argument("--profile", help="cProfile 200 requests of this page (e.g. 'practice page') and stop")
    args = parser.parse_args()
    call_command("migrate", verbosity=0, interactive=False)
    client = Client()
    pages = urls()
    for url in pages.values():
        timed(client, url, 3)  # imports, fragments, site root paths: as in a warm server
    if args.profile:
        url = pages[args.profile]
        profile = cProfile.Profile()
        profile.enable()
        timed(client, url, 200)
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(45)
        return 0
    print(f"Routing benchmark on {connection.vendor} ({settings.DATABASES['default']['NAME']}), load {os.getloadavg()}")
    results = {(name, fast): [] for name in pages for fast in (True, False)}
    for _ in range(args.rounds):
        for fast in (False, True):
            use(fast)
            for name, url in pages.items():
                results[name, fast] += timed(client, url, args.runs)
    for name, url in pages.items():
        counts = {}
        for fast in (False, True):
            use(fast)
            counts[fast] = queries(client, url)
        print(f"{name} {url}")
        print(f"  wagtail walk  {summary(results[name, False])}  {counts[False]} queries")
        print(f"  url_path      {summary(results[name, True])}  {counts[True]} queries")
    use(True)
    for name in ("practice page", "lab page"):
        path = pages[name].removeprefix("/fr/")
        figures = route_only(path, args.runs * args.rounds)
        print(f"route alone, {name}: " + ", ".join(f"{key} {value:.2f} ms" for key, value in figures.items()))
    print(f"load at the end {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
