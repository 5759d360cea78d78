"""A circuit breaker for Elasticsearch, shared by every backend instance of the process.

After a connection error or timeout, Elasticsearch is left alone for ``COOL_DOWN``
seconds: searches go straight to the database fallback and indexing calls are skipped
(logged; ``manage.py update_index`` rebuilds after the outage). So a dead or hung
cluster costs one timeout per cool-down, not one per request or per published page.
"""

import logging
import threading
import time

logger = logging.getLogger("search.elasticsearch")

COOL_DOWN = 30.0
_lock = threading.Lock()
_open_until = 0.0
_skipped_writes = 0


def is_open() -> bool:
    return time.monotonic() < _open_until


def trip(error: BaseException, action: str) -> None:
    global _open_until
    with _lock:
        first = not is_open()
        _open_until = time.monotonic() + COOL_DOWN
    if first:
        logger.warning(
            "Elasticsearch unavailable while %s (%s); using the database fallback for %.0f s. "
            "Run `manage.py update_index` once it is back.",
            action,
            error.__class__.__name__,
            COOL_DOWN,
        )


def skipped_write(action: str) -> None:
    global _skipped_writes
    with _lock:
        _skipped_writes += 1
    logger.info("Elasticsearch is down: skipped %s (update_index will catch up).", action)


def reset() -> None:
    global _open_until, _skipped_writes
    with _lock:
        _open_until = 0.0
        _skipped_writes = 0


def skipped_writes() -> int:
    return _skipped_writes
