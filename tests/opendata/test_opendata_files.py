"""The open-data dumps are files built by a background task, served with validators, never
built in a request (the immediate backend of the tests builds them during the request that
enqueues the build; the dummy backend shows what a real worker would be handed)."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import default_task_backend
from factories import PracticePageFactory, UserFactory

from praxis import opendata_files
from praxis.services.fragments import content_version

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def practices(home):
    return [PracticePageFactory(title=f"Pratique {n}") for n in range(5)]


@pytest.fixture
def builds(monkeypatch):
    """The content versions the builds wrote files for."""
    versions = []
    write = opendata_files.write_build

    def counting(version):
        versions.append(version)
        return write(version)

    monkeypatch.setattr(opendata_files, "write_build", counting)
    return versions


def test_dump_is_a_streamed_file_with_validators_and_a_304(client, practices, settings):
    response = client.get("/opendata/practices.json")

    assert response.status_code == 200 and response.streaming
    assert response["ETag"].startswith('"') and response["Last-Modified"].endswith("GMT")
    assert int(response["Content-Length"]) == len(body(response))
    assert response["Content-Disposition"] == 'inline; filename="praxis-practices.json"'
    stored = list(Path(settings.MEDIA_ROOT, "opendata").glob("*/praxis-practices.json"))
    assert len(stored) == 1

    again = client.get("/opendata/practices.json", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again["ETag"] == response["ETag"]
    since = client.get("/opendata/practices.json", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert since.status_code == 304
    other = client.get("/opendata/practices.json", HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200


def test_a_file_served_from_its_build_costs_a_constant_few_queries(client, practices, django_assert_max_num_queries):
    client.get("/opendata/practices.csv?locale=fr")  # builds
    PracticePageFactory.create_batch(3)
    client.get("/opendata/practices.csv?locale=fr")  # rebuilds for the new version

    with django_assert_max_num_queries(2):  # the locale, the content version
        response = client.get("/opendata/practices.csv?locale=fr")

    assert response.status_code == 200
    assert len(list(csv.DictReader(io.StringIO(body(response).decode())))) == 8


def test_first_request_gets_a_503_and_enqueues_one_build(client, practices, settings):
    settings.TASKS = DUMMY_TASKS

    response = client.get("/opendata/practices.json")
    client.get("/opendata/labs.csv")

    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "réessayer dans une minute" in response.json()["error"]  # French: /opendata/ has no language prefix
    enqueued = [result for result in default_task_backend.results if result.task.name == "build_open_data"]
    assert len(enqueued) == 1  # debounced

    enqueued[0].task.call(**enqueued[0].kwargs)  # what the worker does
    assert client.get("/opendata/practices.json").status_code == 200


def test_changed_content_serves_the_last_build_and_enqueues_the_next(client, practices, settings):
    first = client.get("/opendata/practices.json")
    settings.TASKS = DUMMY_TASKS
    PracticePageFactory(title="Pratique nouvelle")

    stale = client.get("/opendata/practices.json")

    assert stale.status_code == 200 and stale["ETag"] == first["ETag"]
    builds = [result for result in default_task_backend.results if result.task.name == "build_open_data"]
    assert len(builds) == 1
    opendata_files.build_open_data.call()
    fresh = client.get("/opendata/practices.json")
    assert fresh["ETag"] != first["ETag"]
    assert "Pratique nouvelle" in body(fresh).decode()


def test_publications_schedule_one_build_per_content_version(
    client, practices, settings, builds, django_capture_on_commit_callbacks
):
    settings.PRAXIS_OPENDATA_BUILD_DELAY = 0  # built as soon as the change is committed

    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            PracticePageFactory(title=f"Publiée {n}")

    assert builds == [content_version()]
    document = json.loads(body(client.get("/opendata/practices.json")))
    assert document["count"] == 8
    assert builds == [content_version()]  # the request found the files current


def test_build_reads_pages_by_chunks_and_keeps_every_record_in_order(client, practices, monkeypatch):
    monkeypatch.setattr(opendata_files, "CHUNK", 2)

    document = json.loads(body(client.get("/opendata/practices.json")))
    rows = list(csv.DictReader(io.StringIO(body(client.get("/opendata/practices.csv")).decode())))

    assert document["count"] == 5 and document["dataset"] == "practices"
    assert [record["title"] for record in document["practices"]] == [f"Pratique {n}" for n in range(5)]
    assert [row["title"] for row in rows] == [f"Pratique {n}" for n in range(5)]


def test_empty_dataset_is_valid_json(client, home):
    document = json.loads(body(client.get("/opendata/practices.json?locale=en")))
    assert document["count"] == 0 and document["practices"] == [] and document["locale"] == "en"


def test_old_builds_are_pruned(client, practices, settings):
    for n in range(3):
        client.get("/opendata/practices.json")
        PracticePageFactory(title=f"Encore {n}")
    client.get("/opendata/practices.json")

    folders = [path for path in Path(settings.MEDIA_ROOT, "opendata").iterdir() if path.is_dir()]
    assert len(folders) == 2  # the current build and the one before


def test_command_builds_every_file(practices, settings, capsys):
    call_command("build_open_data")

    manifest = json.loads(Path(settings.MEDIA_ROOT, opendata_files.MANIFEST).read_text())
    assert manifest["version"] == content_version()
    assert set(manifest["files"]) == {
        f"{dataset}{suffix}.{fmt}"
        for dataset in ("practices", "labs")
        for suffix in ("", "-fr", "-en")
        for fmt in ("json", "csv")
    }
    assert "Open data built" in capsys.readouterr().out


def test_dumps_are_rate_limited_for_anonymous_clients(client, practices, settings):
    settings.PRAXIS_RATE_LIMITS = {"opendata": 2}

    statuses = [client.get("/opendata/practices.csv").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    etag = client.get("/opendata/practices.csv", REMOTE_ADDR="10.0.0.8")["ETag"]
    revalidations = [client.get("/opendata/practices.csv", HTTP_IF_NONE_MATCH=etag).status_code for _ in range(3)]
    assert revalidations == [304, 304, 304]  # a reader checking its copy is not counted
    limited = client.get("/opendata/labs.json")
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0
    assert f"réessayer dans {limited['Retry-After']} secondes" in limited.content.decode()
    other_client = client.get("/opendata/practices.csv", REMOTE_ADDR="10.0.0.9")
    assert other_client.status_code == 200
    client.force_login(UserFactory())
    assert client.get("/opendata/practices.csv").status_code == 200  # signed-in users are not limited


def test_a_batch_of_publications_is_one_deferred_build_for_the_worker(
    practices, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY_TASKS  # like the database backend: it can run a task later
    settings.PRAXIS_OPENDATA_BUILD_DELAY = 60

    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            PracticePageFactory(title=f"Publiée {n}")

    [build] = [result for result in default_task_backend.results if result.task.name == "build_open_data"]
    assert 50 < (build.task.run_after - timezone.now()).total_seconds() <= 60
