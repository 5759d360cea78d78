"""Territory benchmark (``make bench-territories``): loading the full reference and the
reader's autocomplete over it.

    uv run python tests/bench/territory_bench.py                   # SQLite (a file under /tmp)
    .ci/with-postgres uv run python tests/bench/territory_bench.py  # PostgreSQL (DATABASE_URL)

It loads Etalab's découpage administratif (``BENCH_TERRITORIES``: a folder or tarball; by
default the npm tarball in .cache/territories, fetched with npm pack when missing) into an
empty database, then again (nothing changes), and times the autocomplete endpoint over the
whole reference for names (whole, beginnings, with and without accents, a word inside) and
codes. Figures are printed and written to test-artifacts/bench/.
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
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.gettempdir()}/praxis-territory-bench.sqlite3"
    Path(tempfile.gettempdir(), "praxis-territory-bench.sqlite3").unlink(missing_ok=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "praxis.settings.dev")
os.environ["DEBUG"] = "false"

from search_bench import ensure_postgres_database  # noqa: E402

ensure_postgres_database()

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

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
    results["load_average_end"] = os.getloadavg()
    print(json.dumps(results, indent=2))
    out = ROOT / "test-artifacts" / "bench" / f"territories-{vendor}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
