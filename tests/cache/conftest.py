"""Varnish (Debian's varnish package) on loopback in front of a live Django server, with the
VCL the project ships (deploy/varnish/praxis.vcl). Skipped without varnishd, a failure when
CI=true (like Chromium and PostgreSQL)."""

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from praxis.services.site_setup import ensure_site
from taxonomy.seeds import ensure_vocabularies

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "praxis.vcl"
BACKEND = '.host = "127.0.0.1";\n    .port = "8000";'


def varnishd_path() -> str | None:
    for candidate in (shutil.which("varnishd"), "/usr/sbin/varnishd"):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"varnishd stopped: {process.stderr.read().decode()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("varnishd did not listen in time")


@dataclass
class Answer:
    status: int
    headers: dict
    body: str = field(repr=False)

    @property
    def text(self) -> str:
        """The body without its tags (search results highlight the words found)."""
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", self.body))

    @property
    def hit(self) -> bool:
        return self.headers.get("x-cache") == "HIT"


@dataclass
class Varnish:
    url: str

    def get(self, path: str, cookie: str = "") -> Answer:
        headers = {"Cookie": cookie} if cookie else {}
        request = urllib.request.Request(self.url + path, headers=headers)  # noqa: S310 - loopback
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
                return Answer(
                    response.status, {k.lower(): v for k, v in response.headers.items()}, response.read().decode()
                )
        except urllib.error.HTTPError as error:
            return Answer(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read().decode())


@pytest.fixture
def varnish(live_server, settings, tmp_path):
    """Varnish in front of ``live_server``, purged by the app (``FRONTEND_CACHE_URLS``)."""
    binary = varnishd_path()
    if binary is None:
        message = "varnishd not found; install it with: sudo apt-get install -y varnish"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    backend_port = live_server.url.rsplit(":", 1)[1]
    vcl = VCL.read_text()
    assert BACKEND in vcl, "the shipped VCL's backend block changed: update this fixture"
    (tmp_path / "praxis.vcl").write_text(vcl.replace(BACKEND, f'.host = "127.0.0.1";\n    .port = "{backend_port}";'))
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        [
            binary,
            "-F",  # foreground: this fixture owns the process
            "-j",
            "none",  # no privilege separation: runs as the test's user
            "-n",
            str(tmp_path / "varnish"),
            "-a",
            f"127.0.0.1:{port}",
            "-T",
            "none",
            "-f",
            str(tmp_path / "praxis.vcl"),
            "-s",
            "malloc,32m",
            "-p",
            "ban_lurker_sleep=0.01",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for(port, process)
        url = f"http://127.0.0.1:{port}"
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {"BACKEND": "praxis.services.frontend_cache.VarnishBackend", "LOCATION": url}
        }
        settings.PRAXIS_SHARED_CACHE_SECONDS = 3600
        yield Varnish(url)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def live_home(transactional_db):
    """The site, for a live-server test (an earlier transactional test may have flushed it)."""
    ensure_vocabularies()
    return ensure_site()
