"""Open-data benchmark: the peak memory of building the dumps, and the time of a dump
request served from its file. Not a test: the figures depend on the machine and its load.

    uv run python tests/bench/opendata_bench.py                    # SQLite, 1,000 and 10,000 practices
    uv run python tests/bench/opendata_bench.py --serve-only       # timings again, on the last run's data
    BENCH_SIZES=1000,10000,100000 .ci/with-postgres uv run python tests/bench/opendata_bench.py

For each size: ``generate_practices`` (another process), then ``build_open_data`` in a fresh
process that reports its peak resident memory (``VmHWM`` of /proc/self/status) and the
peak of Python allocations (tracemalloc, without the interpreter and Django themselves);
"streaming" means both stay flat when the catalogue grows. Then ``/opendata/practices.json``
and ``.csv`` are requested through the test client: median and p95 of a 200 served from the
file (the response ready to stream, then with its whole body read), and of a 304
(``If-None-Match``). Target: under 50 ms. The sitemap
index and its first page are timed too, built (fragment cache off) and cached.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "1000,10000").split(",")]
RUNS = int(os.environ.get("BENCH_RUNS", "30"))

WORK = Path(tempfile.gettempdir(), "praxis-opendata-bench")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{WORK}/db.sqlite3"
os.environ.setdefault("MEDIA_ROOT", str(WORK / "media"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "praxis.settings.dev")
os.environ["DEBUG"] = "false"
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
os.environ["RATE_LIMIT_OPENDATA"] = "0"
os.environ.pop("ELASTICSEARCH_URL", None)


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child_build() -> None:
    """Run in a fresh process: build every file, print the peaks as JSON."""
    import tracemalloc

    import django

    django.setup()
    from praxis.opendata_files import write_build
    from praxis.services.fragments import content_version

    before = peak_rss_mb()
    tracemalloc.start()
    started = time.perf_counter()
    manifest = write_build(content_version())
    seconds = time.perf_counter() - started
    _current, traced_peak = tracemalloc.get_traced_memory()
    print(
        json.dumps(
            {
                "build_s": round(seconds, 1),
                "rss_before_build_mb": round(before, 1),
                "peak_rss_mb": round(peak_rss_mb(), 1),
                "python_alloc_peak_mb": round(traced_peak / 2**20, 1),
                "practices_json_mb": round(manifest["files"]["practices.json"]["size"] / 2**20, 1),
            }
        )
    )


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(request, runs=RUNS):
    for _ in range(3):
        request()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        request()
        times.append((time.perf_counter() - started) * 1000)
    return {"median_ms": round(statistics.median(times), 2), "p95_ms": round(percentile(times, 0.95), 2)}


def bench_serving() -> dict:
    from django.test import Client

    client = Client()
    results = {}
    for url in ("/opendata/practices.json", "/opendata/practices.csv?locale=fr"):
        etag = client.get(url)["ETag"]
        results[url] = {
            "200 headers": timed(lambda url=url: client.get(url).close()),  # the response, ready to stream
            "200": timed(lambda url=url: whole(client, url)),  # and its whole body read
            "304": timed(lambda url=url, etag=etag: client.get(url, HTTP_IF_NONE_MATCH=etag)),
            "bytes": whole(client, url),
        }
    return results


def bench_sitemap() -> dict:
    """The sitemap index and its first page, built (fragment cache off) and cached."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    results = {}
    for cached in (False, True):
        settings.PRAXIS_FRAGMENT_CACHE_SECONDS = 86400 if cached else 0
        for url in ("/sitemap.xml", "/sitemap-1.xml"):
            results[f"{url} {'cached' if cached else 'built'}"] = timed(lambda url=url: client.get(url), runs=10)
    return results


def whole(client, url) -> int:
    """A dump request, its whole body read (as a server would send it)."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return sum(len(chunk) for chunk in response.streaming_content)


def main() -> int:
    if "--child-build" in sys.argv:
        child_build()
        return 0
    if "--serve-only" in sys.argv:  # on the database of an earlier run
        import django

        django.setup()
        print(json.dumps({"serving": bench_serving(), "sitemap": bench_sitemap()}, indent=2))
        return 0
    WORK.mkdir(exist_ok=True)
    if not os.environ.get("BENCH_REUSE_DB"):  # generate_practices tops up an earlier run's practices
        Path(WORK, "db.sqlite3").unlink(missing_ok=True)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0, interactive=False)
    print(f"Open-data benchmark on {connection.vendor}, load average {os.getloadavg()}", flush=True)
    report = []
    for size in SIZES:
        subprocess.run(  # noqa: S603
            [sys.executable, str(ROOT / "manage.py"), "generate_practices", str(size), "--labs", "50", "--no-index"],
            check=True,
            env=os.environ,
            stdout=subprocess.DEVNULL,
        )
        child = subprocess.run(  # noqa: S603
            [sys.executable, __file__, "--child-build"], check=True, env=os.environ, capture_output=True, text=True
        )
        build = json.loads(child.stdout.strip().splitlines()[-1])
        entry = {"size": size, "build": build, "serving": bench_serving(), "sitemap": bench_sitemap()}
        report.append(entry)
        print(json.dumps(entry, indent=2), flush=True)
    out = ROOT / "test-artifacts" / "bench" / f"opendata-{connection.vendor}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    print(f"Written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
