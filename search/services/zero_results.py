"""Log the searches that found nothing, without slowing or serialising requests.

A request only adds to an in-memory counter (a dict under a lock, microseconds). A
daemon thread flushes the counters every ``PRAXIS_SEARCH_LOG_INTERVAL`` seconds in one
short transaction of upserts (``count = count + n``), so requests never wait for
SQLite's write lock and a burst of identical searches is one row update. If the
database is busy, the counters are kept for the next flush. ``flush()`` can be
called directly (tests, management commands); the thread's buffer is also flushed at exit.
With ``PRAXIS_SEARCH_LOG_INTERVAL = None`` no thread is started (tests).
"""

import atexit
import contextlib
import logging
import threading
from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection, transaction
from django.db.models import Max, Sum
from django.utils import timezone

logger = logging.getLogger("search")
DEFAULT_INTERVAL = 10.0
MAX_KEYS = 5_000  # distinct (query, language, day) kept in memory between flushes
REPORT_DAYS = 90

_lock = threading.Lock()
_pending: Counter = Counter()
_thread: threading.Thread | None = None


def interval() -> float | None:
    return getattr(settings, "PRAXIS_SEARCH_LOG_INTERVAL", DEFAULT_INTERVAL)


def record(query: str, language: str) -> None:
    """Count one search without results (normalised query, language), for today."""
    query = query.strip()[:200]
    if not query:
        return
    key = (query, language[:10], timezone.localdate())
    with _lock:
        if key in _pending or len(_pending) < MAX_KEYS:
            _pending[key] += 1
    _ensure_thread()


def pending() -> int:
    with _lock:
        return sum(_pending.values())


def flush() -> int:
    """Write the pending counts; returns how many searches were written."""
    from search.models import ZeroResultSearch

    with _lock:
        batch = dict(_pending)
        _pending.clear()
    if not batch:
        return 0
    table = ZeroResultSearch._meta.db_table
    sql = (
        f"INSERT INTO {table} (query, language, day, count) VALUES (%s, %s, %s, %s) "  # noqa: S608
        f"ON CONFLICT (query, language, day) DO UPDATE SET count = {table}.count + excluded.count"
    )
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, [(query, language, day, count) for (query, language, day), count in batch.items()])
    except DatabaseError as error:
        logger.warning("Could not write %s searches without results (%s); will retry.", sum(batch.values()), error)
        with _lock:
            for key, count in batch.items():
                _pending[key] += count
        return 0
    return sum(batch.values())


def report(days: int = REPORT_DAYS):
    """The searches without results of the last ``days`` days: query, language, total, last seen."""
    from search.models import ZeroResultSearch

    since = timezone.localdate() - timedelta(days=days)
    return (
        ZeroResultSearch.objects.filter(day__gte=since)
        .values("query", "language")
        .annotate(total=Sum("count"), last_seen=Max("day"))
        .order_by("-total", "-last_seen", "query")
    )


def _ensure_thread() -> None:
    global _thread
    every = interval()
    if every is None or (_thread is not None and _thread.is_alive()):
        return
    with _lock:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_run, args=(every,), name="praxis-zero-result-log", daemon=True)
            _thread.start()


def _run(every: float) -> None:
    stop = threading.Event()
    while not stop.wait(every):
        close_old_connections()
        try:
            flush()
        finally:
            connection.close()  # the thread's own connection: never left open between flushes


@atexit.register
def _flush_at_exit() -> None:
    """Write what the thread had not written yet (only where the thread runs: not in tests)."""
    if _thread is None or not pending():
        return
    with contextlib.suppress(Exception):  # the interpreter is shutting down: nothing more to do
        flush()
