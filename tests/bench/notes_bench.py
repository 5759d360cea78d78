"""Note benchmark (``make bench-notes``): the note for elected officials of a full plan, as a PDF
and as a .docx, rendered N times each (what the background task does: build the structure,
lay it out, write the file); median and p95 per format. Target: under 3 s each.

    uv run python tests/bench/notes_bench.py                   # SQLite (a file under /tmp)
    BENCH_RUNS=30 uv run python tests/bench/notes_bench.py

The plan is the tests' full plan (tests/factories/notes.py: 6 core elements with decisions and
why, 5 adaptable elements, 5 prerequisites, 5 risks, 6 milestones, 4 partners, 3 sources) on a
practice of the test territory reference, so the territory comparison runs too. The first
render of each format (fonts, templates and WeasyPrint loaded) is shown apart as "cold".
"""

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

RUNS = int(os.environ.get("BENCH_RUNS", "15"))
TARGET_SECONDS = 3.0
ROOT = Path(__file__).resolve().parents[2]
DATABASE = Path(tempfile.gettempdir(), "praxis-notes-bench.sqlite3")

os.environ.setdefault("DATABASE_URL", f"sqlite:///{DATABASE}")
DATABASE.unlink(missing_ok=True)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "praxis.settings.dev")
os.environ["DEBUG"] = "false"
os.environ["TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
os.environ.pop("ELASTICSEARCH_URL", None)
sys.path[:0] = [str(ROOT)]  # the apps first: tests/ has folders named like them
sys.path.append(str(ROOT / "tests"))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from factories import LabPageFactory, PlanFactory  # noqa: E402
from factories.notes import fill_plan, lezoux_member, note_practice  # noqa: E402
from factories.territories import load_reference  # noqa: E402
from pdf_structure import reader  # noqa: E402

from praxis.services.site_setup import ensure_site  # noqa: E402
from transpositions.notes import render  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    call_command("migrate", verbosity=0)
    ensure_site()
    load_reference()
    member = lezoux_member()
    plan = fill_plan(PlanFactory(member=member, practice=note_practice(LabPageFactory(title="Labo des possibles"))))
    results = {}
    for fmt in ("pdf", "docx"):
        began = time.perf_counter()
        content = render(plan, "fr", fmt)
        cold = time.perf_counter() - began
        times = []
        for _run in range(RUNS):
            began = time.perf_counter()
            content = render(plan, "fr", fmt)
            times.append(time.perf_counter() - began)
        pages = len(reader(content).pages) if fmt == "pdf" else None
        results[fmt] = {
            "runs": RUNS,
            "cold_s": round(cold, 3),
            "median_s": round(statistics.median(times), 3),
            "p95_s": round(percentile(times, 0.95), 3),
            "max_s": round(max(times), 3),
            "bytes": len(content),
            "pages": pages,
        }
        line = results[fmt]
        print(
            f"{fmt:<5} cold {line['cold_s']:>6} s  median {line['median_s']:>6} s  p95 {line['p95_s']:>6} s  "
            f"max {line['max_s']:>6} s  {line['bytes']:>7} bytes" + (f"  {pages} pages" if pages else ""),
            flush=True,
        )
    out = ROOT / "test-artifacts" / "bench" / "notes.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    slow = [fmt for fmt, line in results.items() if line["p95_s"] >= TARGET_SECONDS]
    if slow:
        print(f"notes_bench: over {TARGET_SECONDS} s (p95): {', '.join(slow)}")
        return 1
    return 0


if __name__ == "__main__":
    # The plain static storage (no manifest to build), as the other benchmarks do.
    from django.conf import settings  # noqa: E402

    with override_settings(
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ):
        sys.exit(main())
