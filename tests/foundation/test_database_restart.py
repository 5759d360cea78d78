"""The site survives a PostgreSQL restart: persistent connections are checked before reuse.

A gunicorn process (threads, persistent connections, as in production) serves the test
database while the throw-away cluster of ``.ci/with-postgres`` restarts (fast shutdown: every
session is cut). Reads and writes go on during the restart. Afterwards the site answers again
within 5 s, every request after that succeeds, and every write is either committed or was
answered with an error (none acknowledged and lost).
"""

import os
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from django.db import connection, connections
from wagtail.models import Collection

from praxis.models import StandardPage

REPO = Path(__file__).resolve().parents[2]
RESTART = os.environ.get("PRAXIS_PG_RESTART", "")
RECOVERY_DEADLINE = 5.0  # seconds: the bound, a deadline for polling, not a measure

pytestmark = [
    pytest.mark.django_db(transaction=True),  # gunicorn reads committed rows
    pytest.mark.skipif(not RESTART, reason="needs the throw-away cluster of .ci/with-postgres (PRAXIS_PG_RESTART)"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    config = connection.settings_dict
    port = free_port()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "praxis.settings.test",
        "DATABASE_URL": f"postgres://{config['USER']}@{config['HOST']}:{config['PORT']}/{config['NAME']}",
        "DATABASE_CONN_MAX_AGE": "60",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "praxis.wsgi", "--bind", f"127.0.0.1:{port}", "--threads", "4"],
        cwd=REPO,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(600):  # up to a minute or two on a busy machine
            assert process.poll() is None, process.stderr.read()
            try:
                requests.get(f"{base}/robots.txt", timeout=10)
                break
            except requests.RequestException:
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        connections.close_all()  # the test's own connection was cut by the restart too


def signed_in_session(base: str) -> requests.Session:
    session = requests.Session()
    form = session.get(f"{base}/admin/login/", timeout=5).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    answer = session.post(
        f"{base}/admin/login/",
        {"csrfmiddlewaretoken": token, "username": "root", "password": "password", "next": "/admin/"},
        headers={"Referer": f"{base}/admin/login/"},
        timeout=5,
        allow_redirects=False,
    )
    assert answer.status_code == 302
    return session


class Traffic:
    """Reads of a page and writes of collections (one per request), in two threads."""

    def __init__(self, base: str, page_url: str, session: requests.Session, parent: int):
        self.base, self.page_url, self.session, self.parent = base, page_url, session, parent
        self.reads: list[tuple[float, int | str]] = []
        self.writes: list[tuple[float, str, int | str]] = []
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.read), threading.Thread(target=self.write)]

    def read(self):
        while not self.stopping.is_set():
            try:
                outcome = requests.get(self.base + self.page_url, timeout=10).status_code
            except requests.RequestException as error:
                outcome = type(error).__name__
            self.reads.append((time.monotonic(), outcome))

    def write(self):
        add_url = f"{self.base}/admin/collections/add/"
        token = self.session.cookies.get("csrftoken")
        number = 0
        while not self.stopping.is_set():
            number += 1
            name = f"resilience-{number}"
            try:
                outcome = self.session.post(
                    add_url,
                    {"csrfmiddlewaretoken": token, "name": name, "parent": self.parent},
                    headers={"Referer": add_url},
                    timeout=10,
                    allow_redirects=False,
                ).status_code
            except requests.RequestException as error:
                outcome = type(error).__name__
            self.writes.append((time.monotonic(), name, outcome))

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=30)


def test_the_site_answers_again_after_a_database_restart_without_losing_writes(server, home, superuser):
    page = home.add_child(instance=StandardPage(title="Toujours là", slug="toujours-la", locale=home.locale))
    page.save_revision().publish()
    parent = Collection.get_first_root_node().pk
    session = signed_in_session(server)
    assert requests.get(server + page.url, timeout=5).status_code == 200

    with Traffic(server, page.url, session, parent) as traffic:
        while len(traffic.reads) < 5 or len(traffic.writes) < 3:  # warm: connections are open
            time.sleep(0.05)
        before = time.monotonic()
        subprocess.run([RESTART], check=True, timeout=60)
        restarted = time.monotonic()
        recovered = None
        while recovered is None and time.monotonic() - restarted < RECOVERY_DEADLINE + 5:
            time.sleep(0.05)
            answered = [at for at, outcome in traffic.reads if at > restarted and outcome == 200]
            recovered = answered[0] if answered else None
        assert recovered is not None and recovered - restarted <= RECOVERY_DEADLINE
        settled = time.monotonic()
        while len([1 for at, _outcome in traffic.reads if at > settled]) < 20:
            time.sleep(0.05)

    after_reads = [outcome for at, outcome in traffic.reads if at > recovered]
    assert after_reads and set(after_reads) == {200}, after_reads  # no error left behind
    after_writes = [outcome for at, _name, outcome in traffic.writes if at > recovered + 1]
    assert after_writes and set(after_writes) == {302}, after_writes  # writes work again

    connections.close_all()  # this process's connection was cut by the restart as well
    stored = set(Collection.objects.filter(name__startswith="resilience-").values_list("name", flat=True))
    acknowledged = {name for _at, name, outcome in traffic.writes if outcome == 302}
    reported = {name for _at, name, outcome in traffic.writes if outcome != 302}
    assert acknowledged <= stored  # nothing acknowledged was lost
    assert stored <= acknowledged | reported  # nothing written that was not asked
    # Failures only while the database was down: before the restart every request succeeded.
    assert {outcome for at, outcome in traffic.reads if at < before} == {200}
    assert {outcome for at, _name, outcome in traffic.writes if at < before} == {302}
    failed = [at for at, outcome in traffic.reads if outcome != 200]
    failed += [at for at, _name, outcome in traffic.writes if outcome != 302]
    assert all(before <= at <= recovered + 1 for at in failed)
