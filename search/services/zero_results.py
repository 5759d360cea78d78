"""Log the searches that found nothing, without making a request wait on a write.

A request only adds to an in-memory counter (a dict under a lock, microseconds). Once a
response has been sent (``request_finished``), at most once every
``PRAXIS_SEARCH_LOG_INTERVAL`` seconds per process, the pending counts are handed to a
background task (:func:`write_counts`, through ``django_tasks``: the ``TASKS`` setting)
that adds them to the day's rows in one transaction, so a burst of identical searches is
one row update. The task never waits for SQLite's write lock: when another connection
holds it, the counts go back to the counter for the next flush. Counts still pending
when a worker stops (a few seconds' worth) are lost.

With ``PRAXIS_SEARCH_LOG_INTERVAL = None`` nothing is flushed after responses (tests
call :func:`flush`).
"""

import contextlib
import logging
import threading
import time
from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Max, Sum
from django.utils import timezone
from django_tasks import task

from search.models import ZeroResultSearch

logger = logging.getLogger("search")
DEFAULT_INTERVAL = 10.0
MAX_KEYS = 5_000  # distinct (query, language, day) kept in memory between flushes
REPORT_DAYS = 90

_lock = threading.Lock()  # requests served by threads share the counter
_pending: Counter = Counter()
_last_flush = float("-inf")  # time.monotonic() of this process's last flush


def interval() -> float | None:
    return getattr(settings, "PRAXIS_SEARCH_LOG_INTERVAL", DEFAULT_INTERVAL)


def record(query: str, language: str) -> None:
    """Count one search without results (normalised query, language), for today."""
    query = query.strip()[:200]
    if query:
        _add({(query, language[:10], timezone.localdate().isoformat()): 1})


def pending() -> int:
    with _lock:
        return sum(_pending.values())


def flush_when_due(**_signal) -> None:
    """``request_finished`` receiver: flush, unless this process did less than an interval ago."""
    global _last_flush
    every = interval()
    if every is None or not _pending:
        return
    with _lock:
        now = time.monotonic()
        if now - _last_flush < every:
            return
        _last_flush = now
    flush()


def flush() -> int:
    """Hand the pending counts to :func:`write_counts`; returns how many searches were handed.
    With the database task queue, handing them over is a write too: a busy database (SQLite's
    write lock held by another connection) keeps them for the next flush instead of failing
    after the response (found by ``make bench-search``, whose searches without results run
    while another connection holds the lock)."""
    batch = _take()
    if batch:
        try:
            with no_wait_for_write_lock(), transaction.atomic():
                write_counts.enqueue([[*key, count] for key, count in batch.items()])
        except DatabaseError as error:
            logger.warning("Could not queue %s searches without results (%s); will retry.", batch.total(), error)
            _add(batch)
            return 0
    return sum(batch.values())


@task()
def write_counts(rows: list[list]) -> int:
    """Add ``[query, language, day, count]`` rows to the daily counts, with what an earlier
    attempt in this process could not write; returns how many searches were written. If
    the database is busy, the counts are kept for this process's next flush."""
    counts = Counter({tuple(key): count for *key, count in rows})
    counts.update(_take())
    try:
        with no_wait_for_write_lock(), transaction.atomic():
            for (query, language, day), count in counts.items():
                ZeroResultSearch.objects.update_or_create(
                    query=query,
                    language=language,
                    day=day,
                    defaults={"count": F("count") + count},
                    create_defaults={"count": count},
                )
    except DatabaseError as error:
        logger.warning("Could not write %s searches without results (%s); will retry.", counts.total(), error)
        _add(counts)
        return 0
    return counts.total()


@contextlib.contextmanager
def no_wait_for_write_lock():
    """On SQLite, fail at once instead of waiting (up to the connection's timeout) when
    another connection holds the write lock. Other databases lock rows, not the database."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        (waited,) = cursor.fetchone()
        cursor.execute("PRAGMA busy_timeout = 0")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {int(waited)}")


def report(days: int = REPORT_DAYS):
    """The searches without results of the last ``days`` days: query, language, total, last seen."""
    since = timezone.localdate() - timedelta(days=days)
    return (
        ZeroResultSearch.objects.filter(day__gte=since)
        .values("query", "language")
        .annotate(total=Sum("count"), last_seen=Max("day"))
        .order_by("-total", "-last_seen", "query")
    )


def _take() -> Counter:
    global _pending
    with _lock:
        taken, _pending = _pending, Counter()
    return taken


def _add(counts: dict[tuple, int]) -> None:
    with _lock:
        for key, count in counts.items():
            if key in _pending or len(_pending) < MAX_KEYS:
                _pending[key] += count
