"""Pages benchmark (``make bench-pages``): every page type, uncached by any front-end cache,
at 1,000, 10,000 and 100,000 generated practices.

    uv run python tests/bench/pages_bench.py                    # SQLite (a file under /tmp)
    .ci/with-postgres uv run python tests/bench/pages_bench.py   # PostgreSQL (DATABASE_URL)
    BENCH_SIZES=10000 BENCH_RUNS=20 uv run python tests/bench/pages_bench.py

For each size (ascending: ``generate_practices`` tops up the same database) every page
type is requested through Django's test client in this process, with the production
settings (``DEBUG`` off, the production middleware, the local-memory cache that holds the
fragments every reader sees): median and p95 of the whole request (rendering included)
and the SQL queries one request makes. What every reader sees is computed once per
content version (``praxis.services.fragments``); the first request after a publication
pays for it, so the first request of each page type is reported too ("cold").

A page type whose request is slow (a file built on the fly) is timed fewer times: each
stops after ``BENCH_PAGE_BUDGET`` seconds (default 20), at least 3 requests. The resident
memory of this process (it serves like a web worker) is read after all the pages but the
open-data dump, and again after it. Static files use the plain storage (no manifest: no
``collectstatic`` needed). Figures are printed and written to test-artifacts/bench/.
"""

import gc
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "1000,10000,100000").split(",")]
LABS = int(os.environ.get("BENCH_LABS", "200"))
RUNS = int(os.environ.get("BENCH_RUNS", "30"))
PAGE_BUDGET = float(os.environ.get("BENCH_PAGE_BUDGET", "20"))
# Page types left out, comma-separated (e.g. "sitemap.xml,open-data dump" where they are built per request).
SKIP = {name.strip() for name in os.environ.get("BENCH_SKIP", "").split(",") if name.strip()}
ROOT = Path(__file__).resolve().parents[2]

if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.gettempdir()}/praxis-pages-bench.sqlite3"
    if not os.environ.get("BENCH_KEEP_DATABASE"):
        Path(tempfile.gettempdir(), "praxis-pages-bench.sqlite3").unlink(missing_ok=True)
os.environ["DJANGO_SETTINGS_MODULE"] = "praxis.settings.production"
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ["SECURE_SSL_REDIRECT"] = "false"
os.environ.pop("ELASTICSEARCH_URL", None)
os.environ.pop("REDIS_URL", None)
sys.path.insert(0, str(Path(__file__).resolve().parent))

from search_bench import ensure_postgres_database  # noqa: E402

ensure_postgres_database()

import django  # noqa: E402
from django.conf import settings  # noqa: E402

django.setup()
from django.test.utils import override_settings  # noqa: E402

# The plain static storage (no manifest to build); the signal resets the storages in use.
override_settings(
    STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
).enable()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Page  # noqa: E402

SEARCH = "q=projet&policy_area=sante-hopitaux&territory_type=rural&instrument=subvention"


def summary(samples: list[float]) -> dict:
    ms = sorted(sample * 1000 for sample in samples)
    p95 = statistics.quantiles(ms, n=20)[18] if len(ms) >= 20 else ms[-1]
    return {"n": len(ms), "median_ms": round(statistics.median(ms), 1), "p95_ms": round(p95, 1)}


def memory_kb() -> dict:
    """Resident memory now and at its peak (Linux)."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0])
    return {"rss_mb": round(fields.get("VmRSS", 0) / 1024), "peak_mb": round(fields.get("VmHWM", 0) / 1024)}


def first_url(model_label: str, **filters) -> str | None:
    from django.apps import apps

    model = apps.get_model(model_label)
    page = model.objects.live().public().filter(locale__language_code="fr", **filters).order_by("pk").first()
    return page.url if page else None


def sitemap_page(client: Client) -> str | None:
    """The first page of the sitemap index, when ``/sitemap.xml`` is an index."""
    response = client.get("/sitemap.xml")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if b"<sitemapindex" not in body:
        return None
    match = re.search(rb"<loc>https?://[^/]+(/[^<]*)</loc>", body)
    return match.group(1).decode() if match else None


def page_urls(client: Client, size: int) -> dict:
    from labs.models import LabIndexPage
    from practices.models import PracticeIndexPage

    middle = f"gen-{max(size // 2, 1)}"
    urls = {
        "robots.txt (floor)": "/robots.txt",  # the middleware stack and no page: the machine's floor
        "home": "/fr/",
        "practice index": PracticeIndexPage.objects.live().filter(locale__language_code="fr").first().url,
        "practice index p.50": None,
        "practice page": first_url("practices.PracticePage", slug=middle),
        "lab directory": LabIndexPage.objects.live().filter(locale__language_code="fr").first().url,
        "lab map data": None,
        "lab page": first_url("labs.LabPage", slug="gen-lab-1"),
        "programme page": first_url("labs.ProgrammePage"),
        "search page": f"/fr/search/?{SEARCH}",
        "feed (newest)": "/fr/search/feed/rss/",
        "feed (query)": f"/fr/search/feed/atom/?{SEARCH}",
        "API listing": "/api/v2/pages/?type=practices.PracticePage&limit=20",
        "API listing (filtered)": "/api/v2/pages/?type=practices.PracticePage&policy_area=logement&limit=20",
        "sitemap.xml": "/sitemap.xml",
        "sitemap page": None if "sitemap.xml" in SKIP else sitemap_page(client),
        "open-data dump": "/opendata/practices.json",
    }
    urls["practice index p.50"] = f"{urls['practice index']}?page=50"
    urls["lab map data"] = f"{urls['lab directory']}markers/"
    return {name: url for name, url in urls.items() if url and name not in SKIP}


def get(client: Client, url: str) -> int:
    response = client.get(url)
    if response.streaming:
        for _ in response.streaming_content:
            pass
    assert response.status_code == 200, (url, response.status_code)
    return response.status_code


def time_page(client: Client, url: str) -> dict:
    from django.core.cache import cache

    cache.clear()  # as after a publication: the first reader computes what every reader sees
    begin = time.perf_counter()
    get(client, url)
    cold = time.perf_counter() - begin
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        get(client, url)
    samples, started = [], time.perf_counter()
    for _ in range(RUNS):
        begin = time.perf_counter()
        get(client, url)
        samples.append(time.perf_counter() - begin)
        if len(samples) >= 3 and time.perf_counter() - started > PAGE_BUDGET:
            break
    return {**summary(samples), "cold_ms": round(cold * 1000, 1), "queries": len(queries)}


def bench_size(size: int) -> dict:
    started = time.perf_counter()
    # In another process: this one stays as small as a server's.
    subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), "generate_practices", str(size), "--labs", str(LABS)],
        check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "praxis.settings.dev"},
        stdout=subprocess.DEVNULL,
    )
    generated_in = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    client = Client()
    urls = page_urls(client, size)
    for name, url in urls.items():  # everything imported and set up, as in a server process,
        if name not in ("open-data dump", "sitemap.xml", "sitemap page"):
            get(client, url)
    gc.collect()  # then frozen, as praxis.wsgi does at start-up
    gc.freeze()
    pages = Page.objects.live().count()
    report = {"size": size, "labs": LABS, "live_pages": pages, "generated_in_s": round(generated_in, 1), "pages": {}}
    for name, url in urls.items():
        if name == "open-data dump":
            report["memory_before_dump"] = memory_kb()
        report["pages"][name] = {"url": url, **time_page(client, url)}
        print(f"  {size:>6} {name:<24} {report['pages'][name]}", flush=True)
    report["memory"] = memory_kb()
    return report


def main() -> int:
    call_command("migrate", verbosity=0, interactive=False)
    vendor = connection.vendor
    print(f"Pages benchmark on {vendor}, load average {os.getloadavg()}", flush=True)
    results = {"vendor": vendor, "load_average_start": os.getloadavg(), "runs": RUNS, "sizes": []}
    for size in SIZES:
        results["sizes"].append(bench_size(size))
    results["load_average_end"] = os.getloadavg()
    print_table(results)
    out = ROOT / "test-artifacts" / "bench" / f"pages-{vendor}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, default=str))
    print(f"Written to {out.relative_to(ROOT)}")
    return 0


def print_table(results: dict) -> None:
    print(f"\n{results['vendor']}: times in ms (n ≤ {results['runs']} per page, after a cold first request)")
    print(f"{'size':>6} {'page':<24} {'median':>8} {'p95':>8} {'cold':>8} {'queries':>8}")
    for size in results["sizes"]:
        for name, entry in size["pages"].items():
            print(
                f"{size['size']:>6} {name:<24} {entry['median_ms']:>8} {entry['p95_ms']:>8} "
                f"{entry['cold_ms']:>8} {entry['queries']:>8}"
            )
        before = size.get("memory_before_dump", size["memory"])
        print(
            f"{size['size']:>6} resident memory: {before['rss_mb']} MB after the pages (peak {before['peak_mb']} MB), "
            f"{size['memory']['rss_mb']} MB after the dump (peak {size['memory']['peak_mb']} MB); "
            f"generated in {size['generated_in_s']} s"
        )


if __name__ == "__main__":
    sys.exit(main())
