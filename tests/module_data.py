"""Data built once for a whole module of tests (the demo, the search catalogue)."""

from contextlib import contextmanager

from django.core.cache import cache
from django.db import transaction


@contextmanager
def rolled_back_after_module(django_db_blocker):
    """Build inside this block: it runs in a transaction rolled back when the module's tests
    are done; each test still runs in its own savepoint (the ``db`` fixture), so nothing
    leaks to other modules."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield
            transaction.set_rollback(True)
        cache.clear()  # site root paths and the like pointed at rolled-back pages
