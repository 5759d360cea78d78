"""Load benchmark: pages per second under ``wrk`` (16 connections) behind gunicorn with the
production settings (2 workers), each page type as a ratio of ``/robots.txt`` served by the
same processes in the same run (the floor: every middleware, no page); then the same pages
anonymously through Varnish (deploy/varnish/praxis.vcl) as a ratio of that Varnish serving a
static file.

    make bench-load    # or: uv run python tests/bench/load_bench.py [--practices 10000] [--seconds 8]

A throw-away SQLite database in a temporary folder gets the demo content (and, with
``--practices``, generated practices up to that count). Targets at 10,000 practices: the
practice page at least 10 % of the floor, every other page type at least 5 %; through
Varnish at least 0.5x the static file. Not a unit test: the figures depend on the machine.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VCL = ROOT / "deploy" / "varnish" / "praxis.vcl"
BACKEND = '.host = "127.0.0.1";\n    .port = "8000";'
TARGETS = {"practice": 0.10}  # every other page type: 0.05
DEFAULT_TARGET = 0.05
VARNISH_TARGET = 0.5

URLS_SCRIPT = """
import json
from labs.models import LabIndexPage, LabPage
from practices.models import PracticeIndexPage, PracticePage
from praxis.models import HomePage
def one(model, **filters):
    return model.objects.live().public().filter(locale__language_code="fr", **filters).order_by("pk").first()
practice = one(PracticePage)
print(json.dumps({
    "home": one(HomePage).url,
    "practice-index": one(PracticeIndexPage).url,
    "practice": practice.url,
    "lab": one(LabPage).url,
    "lab-directory": one(LabIndexPage).url,
    "search": "/fr/search/?q=" + practice.title.split()[0],
}))
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - loopback
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer")


def manage(env, *args, capture=False):
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    result = subprocess.run(command, env=env, cwd=ROOT, check=True, text=True, capture_output=capture)  # noqa: S603
    return result.stdout


def wrk(url: str, seconds: int, connections: int = 16) -> float:
    """Requests per second; refuses a run with non-2xx answers or failed connections."""
    output = subprocess.run(  # noqa: S603
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", url],  # noqa: S607
        check=True,
        text=True,
        capture_output=True,
    ).stdout
    if "Non-2xx" in output or "Socket errors" in output:
        raise RuntimeError(f"wrk {url}: errors\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def prepare(env, practices: int, generated: bool = False) -> dict:
    """``generated``: a database already holding its practices (``--database-url``)."""
    print("== database: migrate, demo content" + (f", {practices} practices" if practices else ""), flush=True)
    manage(env, "migrate", "--noinput", "-v0")
    if not generated:
        manage(env, "load_demo")
    if practices and not generated:
        manage(env, "generate_practices", str(practices))
    manage(env, "collectstatic", "--noinput", "-v0")
    return json.loads(manage(env, "shell", "-c", URLS_SCRIPT, capture=True).strip().splitlines()[-1])


def start_varnish(folder: Path, backend_port: int) -> tuple[subprocess.Popen, int]:
    (folder / "praxis.vcl").write_text(
        VCL.read_text().replace(BACKEND, f'.host = "127.0.0.1";\n    .port = "{backend_port}";')
    )
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [
            shutil.which("varnishd") or "/usr/sbin/varnishd",
            "-F",
            "-j",
            "none",
            "-n",
            str(folder / "varnish"),
            "-a",
            f"127.0.0.1:{port}",
            "-T",
            "none",
            "-f",
            str(folder / "praxis.vcl"),
            "-s",
            "malloc,128m",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return process, port


def workers_rss_mb(master: int) -> list[float]:
    """Resident memory of each gunicorn worker (children of the master), in MB (Linux)."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        if int(fields.get("PPid", "0").strip()) == master:
            sizes.append(round(int(fields["VmRSS"].split()[0]) / 1024, 1))
    return sorted(sizes)


def report(title, floor_name, floor, figures, target_of):
    print(f"\n{title}\n{floor_name}: {floor:,.0f} requests/s")
    failed = []
    for name, rate in figures.items():
        ratio = rate / floor
        target = target_of(name)
        mark = "ok" if ratio >= target else "BELOW TARGET"
        print(f"  {name:<15} {rate:>9,.0f} /s   {ratio:6.1%} (target {target:.0%}) {mark}")
        if ratio < target:
            failed.append(name)
    return failed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--practices", type=int, default=0, help="generate practices up to this count")
    parser.add_argument("--seconds", type=int, default=10, help="seconds of wrk per URL (after 2 s of warm-up)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--folder", type=Path, help="keep the database here and reuse it in later runs")
    parser.add_argument(
        "--database-url",
        help="a database that already holds its practices (e.g. the PostgreSQL ones under /work/bench-data): "
        "migrated, not loaded with demo content",
    )
    parser.add_argument(
        "--wagtail-routing",
        action="store_true",
        help="serve with Wagtail's own page routing (the baseline of praxis.routing's url_path look-up)",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("bench-load: wrk not found (sudo apt-get install -y wrk)")
    folder = args.folder or Path(tempfile.mkdtemp(prefix="praxis-load-"))
    folder.mkdir(parents=True, exist_ok=True)
    prepared = (folder / "urls.json").is_file()
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "praxis.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": args.database_url or f"sqlite:///{folder / 'praxis.sqlite3'}",
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "SECURE_SSL_REDIRECT": "false",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "MAP_TILE_URL": "",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(args.workers),
        "GUNICORN_ACCESS_LOG": "",
        "GUNICORN_LOG_LEVEL": "warning",
    }
    env.pop("FRONTEND_CACHE_URLS", None)
    processes = []
    try:
        if prepared:
            urls = json.loads((folder / "urls.json").read_text())
        else:
            urls = prepare(env, args.practices, generated=bool(args.database_url))
            (folder / "urls.json").write_text(json.dumps(urls))
        gunicorn = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py")]
            + (
                ["--pythonpath", str(ROOT / "tests" / "bench"), "wagtail_routing_wsgi"]
                if args.wagtail_routing
                else ["praxis.wsgi"]
            ),
            env=env,
            cwd=ROOT,
        )
        processes.append(gunicorn)
        app = f"http://127.0.0.1:{port}"
        wait_for(app + "/robots.txt")
        for path in ["/robots.txt", *urls.values()]:  # warm every worker's caches (fragments, site roots)
            wrk(app + path, 2)
        floor = wrk(app + "/robots.txt", args.seconds)
        uncached = {name: wrk(app + path, args.seconds) for name, path in urls.items()}
        rss = workers_rss_mb(gunicorn.pid)
        failed = report(
            f"gunicorn, production settings, {args.workers} workers, 16 connections, "
            + (args.database_url.rsplit("/", 1)[-1] if args.database_url else "demo content")
            + (f" + {args.practices} practices" if args.practices else "")
            + (", Wagtail's own routing" if args.wagtail_routing else ""),
            "/robots.txt (floor)",
            floor,
            uncached,
            lambda name: TARGETS.get(name, DEFAULT_TARGET),
        )
        print(f"gunicorn workers' resident memory after serving every page type: {rss} MB")
        varnish, varnish_port = start_varnish(folder, port)
        processes.append(varnish)
        cache = f"http://127.0.0.1:{varnish_port}"
        wait_for(cache + "/robots.txt")
        static = "/static/praxis/praxis.css"
        for path in [static, *urls.values()]:
            urllib.request.urlopen(cache + path, timeout=60).read()  # noqa: S310 - loopback
        static_rate = wrk(cache + static, args.seconds)
        cached = {name: wrk(cache + path, args.seconds) for name, path in urls.items()}
        failed += report(
            "Varnish, anonymous, 16 connections",
            f"{static} (static file)",
            static_rate,
            cached,
            lambda _: VARNISH_TARGET,
        )
        print("\nbench-load: " + ("every target met" if not failed else f"below target: {', '.join(failed)}"))
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        if not args.folder:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            shutil.rmtree(folder / "varnish", ignore_errors=True)


if __name__ == "__main__":
    main()
