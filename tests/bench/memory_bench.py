"""Memory benchmark (``make bench-memory``): the peak resident memory of building the open-data
files and a PDF dossier, at two catalogue sizes. Both stream (the dump writes row by row, a
dossier holds at most ``MAX_IN_DOSSIER`` practices): the peak must not grow with the catalogue.

    uv run python tests/bench/memory_bench.py                     # SQLite under /tmp, 1,000 then 10,000
    BENCH_SIZES=10000,100000 .ci/with-postgres uv run python tests/bench/memory_bench.py
    BENCH_DATABASES="postgres://…/praxis_10k postgres://…/praxis_100k" uv run python tests/bench/memory_bench.py
    BENCH_MEASURES=dossier …   # only one of dump, dossier

Each measure runs in a fresh process with the production settings: its resident memory once
Django is set up and a first query made (the baseline), then its peak (``VmHWM``) after the
work. With ``BENCH_DATABASES`` the databases are measured as they are (generated beforehand,
e.g. those kept under /work/bench-data, see README); otherwise ``generate_practices`` tops
up one database to each size. The resident memory of web workers serving every page type is
measured by ``make bench-load`` (gunicorn) and ``make bench-pages`` (in-process).
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "1000,10000").split(",")]
DATABASES = os.environ.get("BENCH_DATABASES", "").split()
MEASURES = os.environ.get("BENCH_MEASURES", "dump,dossier").split(",")

MEASURE = """
import json, os, sys, tempfile, time
from pathlib import Path
import django
django.setup()
from django.conf import settings
from django.test.utils import override_settings
# The plain static storage (no manifest to build), as make bench-pages does.
override_settings(STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}).enable()

def memory():
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return {name: round(int(fields[name].split()[0]) / 1024, 1) for name in ("VmRSS", "VmHWM")}

from practices.models import PracticePage
count = PracticePage.objects.live().count()
baseline = memory()["VmRSS"]
began = time.perf_counter()
what = sys.argv[1]
if what == "dump":
    from praxis.opendata_files import write_build
    from praxis.services.fragments import content_version
    write_build(content_version())
else:
    from search.dossiers import build_dossier, dossier_key
    from search.exports import MAX_IN_DOSSIER
    ids = list(PracticePage.objects.live().public().filter(locale__language_code="fr").order_by("-pk").values_list("pk", flat=True)[:MAX_IN_DOSSIER])
    assert build_dossier.call(dossier_key(f"bench-{time.time()}", "fr", 0), ids, "fr") == "ready"
print(json.dumps({"what": what, "live_practice_pages": count, "seconds": round(time.perf_counter() - began, 1),
                  "baseline_mb": baseline, "peak_mb": memory()["VmHWM"]}))
"""


def environment(database_url: str, media: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "praxis.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-not-secret"),
        "ALLOWED_HOSTS": "testserver",
        "MEDIA_ROOT": media,
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "PYTHONPATH": str(ROOT),
    }


def measure(database_url: str, what: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="praxis-memory-") as media:
        output = subprocess.run(  # noqa: S603
            [sys.executable, "-c", MEASURE, what],
            env=environment(database_url, media),
            cwd=ROOT,
            text=True,
            capture_output=True,
        )
    if output.returncode:
        sys.exit(f"memory_bench: {what} failed\n{output.stderr[-3000:]}")
    return json.loads(output.stdout.strip().splitlines()[-1])


def generate(database_url: str, size: int) -> None:
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "praxis.settings.dev"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)  # noqa: S603
    subprocess.run(
        [*manage, "generate_practices", str(size), "--no-index"], env=env, check=True, stdout=subprocess.DEVNULL
    )  # noqa: S603


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from search_bench import ensure_postgres_database

    runs = []
    if DATABASES:
        runs = [(url, None) for url in DATABASES]
    else:
        url = os.environ.get("DATABASE_URL") or f"sqlite:///{tempfile.gettempdir()}/praxis-memory-bench.sqlite3"
        os.environ["DATABASE_URL"] = url
        ensure_postgres_database()
        runs = [(url, size) for size in sorted(SIZES)]
    results = []
    for url, size in runs:
        if size:
            generate(url, size)
        for what in MEASURES:
            result = measure(url, what)
            results.append(result)
            print(
                f"{result['live_practice_pages']:>7} practice pages  {what:<8} {result['seconds']:>7} s  "
                f"baseline {result['baseline_mb']:>6} MB  peak {result['peak_mb']:>6} MB",
                flush=True,
            )
    out = ROOT / "test-artifacts" / "bench" / "memory.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
