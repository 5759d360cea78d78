"""Searches without results: counted in memory on the request path (no write), written
after the response by a background task (``django_tasks``, the immediate backend in
tests), shown to editors in the admin (last 90 days, with counts)."""

import re
from collections import Counter
from datetime import timedelta
from unittest.mock import ANY

import pytest
from django.contrib.auth.models import Group
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from factories import UserFactory

from search.models import ZeroResultSearch
from search.services import zero_results

NOTHING = "Téléphérique urbain"  # no practice of the catalogue has these words


@pytest.fixture(autouse=True)
def fresh_log(monkeypatch):
    """Nothing pending from other tests, and no flush done yet by this process."""
    monkeypatch.setattr(zero_results, "_pending", Counter())
    monkeypatch.setattr(zero_results, "_last_flush", float("-inf"))


@pytest.fixture
def flush_after_each_response(settings):
    settings.PRAXIS_SEARCH_LOG_INTERVAL = 0


def locked_database(execute, sql, params, many, context):
    """What SQLite answers a writer while another connection holds the write lock."""
    if ZeroResultSearch._meta.db_table in sql and not sql.lstrip().upper().startswith("SELECT"):
        raise OperationalError("database is locked")
    return execute(sql, params, many, context)


def counts():
    return {(row.query, row.language): row.count for row in ZeroResultSearch.objects.all()}


def test_the_request_only_counts_in_memory(client, catalogue, enqueued):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/fr/search/", {"q": NOTHING})
    assert response.context["search"].total == 0
    writes = [query["sql"] for query in queries if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))]
    assert writes == []
    assert zero_results.pending() == 1
    assert enqueued == []  # PRAXIS_SEARCH_LOG_INTERVAL = None in tests: no flush after responses


def test_a_flush_adds_normalised_queries_per_language_and_day(client, catalogue, enqueued):
    for query in (NOTHING, "téléphérique   URBAIN", "téléphériques urbains!"):
        client.get("/fr/search/", {"q": query})
    client.get("/en/search/", {"q": "cable car"})
    client.get("/fr/search/", {"q": "santé"})  # has results: not logged
    client.get("/fr/search/", {"policy_area": "rh-management"})  # no words: not logged
    assert zero_results.flush() == 4
    assert [task.task for task in enqueued] == [zero_results.write_counts]  # one task for the batch
    assert enqueued[0].return_value == 4
    assert counts() == {("telepherique urbain", "fr"): 2, ("telepheriques urbains", "fr"): 1, ("cable car", "en"): 1}
    client.get("/fr/search/", {"q": NOTHING})
    zero_results.flush()
    assert ZeroResultSearch.objects.get(query="telepherique urbain").count == 3  # added to the same row
    assert zero_results.flush() == 0  # nothing pending: no task
    assert len(enqueued) == 2


def test_the_task_writes_once_the_response_is_sent(client, catalogue, flush_after_each_response, enqueued):
    response = client.get("/fr/search/", {"q": NOTHING})  # the test client sends request_finished
    assert response.status_code == 200
    assert len(enqueued) == 1
    assert zero_results.pending() == 0
    assert counts() == {("telepherique urbain", "fr"): 1}


def test_a_process_flushes_at_most_once_per_interval(client, catalogue, settings, enqueued):
    settings.PRAXIS_SEARCH_LOG_INTERVAL = 3600
    client.get("/fr/search/", {"q": NOTHING})  # the process's first flush: due
    client.get("/fr/search/", {"q": "cable car"})
    assert len(enqueued) == 1
    assert counts() == {("telepherique urbain", "fr"): 1}
    assert zero_results.pending() == 1  # written at the next flush due


def test_a_locked_database_keeps_the_counts_for_the_next_flush(client, catalogue, flush_after_each_response):
    with connection.execute_wrapper(locked_database):
        response = client.get("/fr/search/", {"q": NOTHING})
    assert response.status_code == 200
    assert response.context["search"].total == 0
    assert counts() == {}
    assert zero_results.pending() == 1
    client.get("/fr/search/", {"q": NOTHING})  # the lock is released: both are written
    assert counts() == {("telepherique urbain", "fr"): 2}
    assert zero_results.pending() == 0


def locked_task_queue(execute, sql, params, many, context):
    """The same for the database task queue's table."""
    if DBTaskResult._meta.db_table in sql and not sql.lstrip().upper().startswith("SELECT"):
        raise OperationalError("database is locked")
    return execute(sql, params, many, context)


def test_a_busy_task_queue_keeps_the_counts_for_the_next_flush(client, catalogue, flush_after_each_response, settings):
    """With the database task queue (development, production), queueing the task is a write:
    a busy database keeps the counts, and the response has been served all the same."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with connection.execute_wrapper(locked_task_queue):
        response = client.get("/fr/search/", {"q": NOTHING})
    assert response.status_code == 200
    assert zero_results.pending() == 1
    assert not DBTaskResult.objects.exists()
    client.get("/fr/search/", {"q": NOTHING})  # the queue is free again: one task for both
    assert zero_results.pending() == 0
    assert [task.args_kwargs["args"] for task in DBTaskResult.objects.all()] == [
        [[["telepherique urbain", "fr", ANY, 2]]]
    ]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's write lock")
def test_the_task_does_not_wait_for_the_sqlite_write_lock(db):
    def busy_timeout():
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA busy_timeout")
            return cursor.fetchone()[0]

    waited = busy_timeout()
    with zero_results.no_wait_for_write_lock():
        assert busy_timeout() == 0  # a held lock fails the write at once
    assert busy_timeout() == waited  # other writes wait as configured


def test_report_covers_the_last_90_days(db):
    today = timezone.localdate()
    ZeroResultSearch.objects.create(query="tramway", language="fr", day=today, count=3)
    ZeroResultSearch.objects.create(query="tramway", language="fr", day=today - timedelta(days=10), count=2)
    ZeroResultSearch.objects.create(query="ancien", language="fr", day=today - timedelta(days=120), count=9)
    assert list(zero_results.report()) == [{"query": "tramway", "language": "fr", "total": 5, "last_seen": today}]


def test_editors_see_the_report(client, db):
    today = timezone.localdate()
    ZeroResultSearch.objects.create(query="covoiturage scolaire", language="fr", day=today, count=4)
    editor = UserFactory()
    editor.groups.add(Group.objects.get(name="Editors"))  # Wagtail's default editors group
    client.force_login(editor)
    response = client.get("/admin/reports/searches-without-results/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "covoiturage scolaire" in html
    assert re.search(r"<td[^>]*>\s*4\s*</td>", html)  # the count column
    export = client.get("/admin/reports/searches-without-results/?export=csv")
    assert export.status_code == 200
    assert "covoiturage scolaire" in b"".join(export.streaming_content).decode()


def test_people_without_editing_rights_do_not_see_it(client, db):
    client.force_login(UserFactory())
    response = client.get("/admin/reports/searches-without-results/")
    assert response.status_code in (302, 403)
    client.logout()
    assert client.get("/admin/reports/searches-without-results/").status_code == 302
