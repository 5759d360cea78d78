"""Weekly digest benchmark (``make bench-digest``): 1,000 then 10,000 members with 3 weekly
saved searches each, 50 practices new since the last digest among older ones. The digest
is computed by one call (what ``manage.py send_weekly_digest`` runs); its time and number
of SQL queries are printed for each size: the queries must not grow with the members.

    uv run python tests/bench/digest_bench.py                   # SQLite (a file under /tmp)
    .ci/with-postgres uv run python tests/bench/digest_bench.py  # PostgreSQL (DATABASE_URL)

The saved searches are drawn (seeded) from a pool of distinct searches like members make:
a policy area, with a stage, a country, a territory type or an instrument, or a few words.
Emails go to Django's in-memory backend (built, not sent).
"""

import json
import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

SIZES = [int(size) for size in os.environ.get("BENCH_MEMBERS", "1000,10000").split(",")]
SEARCHES_PER_MEMBER = 3
NEW_PRACTICES = 50
OLDER_PRACTICES = int(os.environ.get("BENCH_OLDER_PRACTICES", "150"))
LIMIT_SECONDS = 60
ROOT = Path(__file__).resolve().parents[2]

if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.gettempdir()}/praxis-digest-bench.sqlite3"
    Path(tempfile.gettempdir(), "praxis-digest-bench.sqlite3").unlink(missing_ok=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "praxis.settings.dev")
os.environ["DEBUG"] = "false"
os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
os.environ.pop("ELASTICSEARCH_URL", None)
sys.path.insert(0, str(Path(__file__).resolve().parent))

from search_bench import ensure_postgres_database  # noqa: E402

ensure_postgres_database()

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core import mail  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from alerts.models import DigestRun, SavedSearch, Sent  # noqa: E402
from alerts.services.digest import send_weekly_digest  # noqa: E402
from alerts.services.matching import canonical  # noqa: E402
from members.models import Member  # noqa: E402
from practices.choices import LifecycleStage  # noqa: E402
from practices.models import PracticePage  # noqa: E402
from taxonomy.models import Instrument, PolicyArea, TerritoryType  # noqa: E402

WORDS = ["médiathèque", "mobilité", "santé", "participation", "numérique", "jeunes", "logement", "alimentation"]


def search_pool() -> list[str]:
    areas = list(PolicyArea.objects.values_list("slug", flat=True))
    territories = list(TerritoryType.objects.values_list("slug", flat=True))
    instruments = list(Instrument.objects.values_list("slug", flat=True))
    pool = set()
    for area in areas:
        pool.add(f"policy_area={area}")
        pool.add(f"policy_area={area}&country=FR")
        for stage in LifecycleStage.values[:3]:
            pool.add(f"policy_area={area}&stage={stage}")
        for territory in territories[:3]:
            pool.add(f"policy_area={area}&territory_type={territory}")
        for instrument in instruments[:2]:
            pool.add(f"policy_area={area}&instrument={instrument}")
    pool.update(f"q={word}" for word in WORDS)
    pool.update(f"q={word}&country=FR" for word in WORDS)
    return sorted(canonical(query)[1] for query in pool)


def add_members(count: int, pool: list[str], rng: random.Random) -> None:
    start = Member.objects.count()
    users = get_user_model().objects.bulk_create(
        [
            get_user_model()(username=f"bench{n}", email=f"bench{n}@example.org", password="!")
            for n in range(start, start + count)
        ],
        batch_size=2000,
    )
    if users[0].pk is None:  # SQLite before RETURNING support: read them back
        users = list(get_user_model().objects.filter(username__startswith="bench").order_by("pk")[start:])
    members = Member.objects.bulk_create(
        [
            Member(user=user, status=Member.Status.APPROVED, name=f"Agent {n}", language=rng.choice(["fr", "en"]))
            for n, user in enumerate(users)
        ],
        batch_size=2000,
    )
    SavedSearch.objects.bulk_create(
        [
            SavedSearch(
                member=member,
                name=f"Veille {n}",
                language=member.language,
                query=query,
                alert=SavedSearch.Alert.WEEKLY,
            )
            for member in members
            for n, query in enumerate(rng.sample(pool, SEARCHES_PER_MEMBER))
        ],
        batch_size=2000,
    )


def prepare_practices() -> None:
    call_command("generate_practices", NEW_PRACTICES + OLDER_PRACTICES, labs=20, verbosity=0)
    now = timezone.now()
    PracticePage.objects.update(first_published_at=now - timedelta(days=30))
    newest = list(PracticePage.objects.order_by("-pk").values_list("pk", flat=True)[:NEW_PRACTICES])
    PracticePage.objects.filter(pk__in=newest).update(first_published_at=now - timedelta(days=1))


def run_digest(size: int) -> dict:
    DigestRun.objects.all().delete()
    Sent.objects.all().delete()
    mail.outbox = []
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        report = send_weekly_digest()
        seconds = time.perf_counter() - started
    return {
        "members": size,
        "saved_searches": report.searches,
        "distinct_searches": report.distinct_searches,
        "new_practices": report.practices,
        "emails": report.emails,
        "practices_listed": Sent.objects.count(),
        "queries": len(captured),
        "seconds": round(seconds, 2),
    }


def main() -> int:
    call_command("migrate", verbosity=0, interactive=False)
    vendor = connection.vendor
    print(f"Digest benchmark on {vendor}, load average {os.getloadavg()}", flush=True)
    started = time.perf_counter()
    prepare_practices()
    pool = search_pool()
    print(f"  {PracticePage.objects.count()} practices generated in {time.perf_counter() - started:.0f} s", flush=True)
    print(f"  {len(pool)} distinct searches in the pool", flush=True)
    rng = random.Random(1)
    results = {"vendor": vendor, "load_average_start": os.getloadavg(), "sizes": []}
    for size in SIZES:
        add_members(size - Member.objects.count(), pool, rng)
        entry = run_digest(size)
        results["sizes"].append(entry)
        print(f"  {json.dumps(entry)}", flush=True)
    results["load_average_end"] = os.getloadavg()
    print(f"\n{vendor}: weekly digest, {SEARCHES_PER_MEMBER} saved searches per member, limit {LIMIT_SECONDS} s")
    print(f"{'members':>8} {'searches':>9} {'distinct':>9} {'emails':>7} {'listed':>7} {'queries':>8} {'seconds':>8}")
    for entry in results["sizes"]:
        print(
            f"{entry['members']:>8} {entry['saved_searches']:>9} {entry['distinct_searches']:>9} {entry['emails']:>7} "
            f"{entry['practices_listed']:>7} {entry['queries']:>8} {entry['seconds']:>8}"
        )
    out = ROOT / "test-artifacts" / "bench" / f"digest-{vendor}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, default=str))
    print(f"Written to {out.relative_to(ROOT)}")
    # The first digest also warms caches (site root paths, the search backend's probe): a few
    # queries more than the next ones, never fewer.
    first, *others = [entry["queries"] for entry in results["sizes"]]
    slow = [entry for entry in results["sizes"] if entry["seconds"] > LIMIT_SECONDS]
    if any(queries > first for queries in others) or slow:
        print("FAILED: the queries grow with the members, or a digest took over the limit", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
