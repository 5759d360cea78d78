"""The open-data dumps as files, built by a background task, never in a request.

A **build** writes every registered dataset (``praxis.opendata.register_dataset``) in every
format (JSON, CSV) for every language choice (all languages, then each locale's best
translations) into a folder of the default storage, ``opendata/<build>/`` (local media today,
S3 when the storage is), then replaces ``opendata/manifest.json``: the content version it
was built from, and for each file its stored name, size, ETag (SHA-256 of the bytes) and
time. Readers only ever see whole builds; the build before the current one is kept for
readers still holding the old manifest, older ones are pruned.

Files are written **streaming**: the pages' ids are streamed by one query, read in chunks
of ``CHUNK`` and each chunk's records are written to both formats at once, so a build's
memory does not grow with the catalogue.

When it runs: ``schedule_build`` enqueues :func:`build_open_data` at most once per
``PRAXIS_OPENDATA_BUILD_DELAY`` seconds (debounced, run that long after the first change:
a batch of publications is one build), on every content-version bump
(``fragments.content_changed``) and when a request finds the files older than the content;
the task does nothing when the files already hold the current version (one build per
content version). ``manage.py build_open_data`` builds at once (a nightly cron).
A page unpublished or made private leaves the files with the next build, within the delay
and the build's duration.
"""

import contextlib
import csv
import hashlib
import json
import logging
import tempfile
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import DatabaseError, transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.exceptions import InvalidTaskError
from wagtail.models import Locale, Page

from praxis.records import csv_row
from praxis.services.fragments import content_version
from praxis.visibility import best_translations

logger = logging.getLogger("praxis.opendata")

FOLDER = "opendata"
MANIFEST = f"{FOLDER}/manifest.json"
CHUNK = 250  # pages read, turned into records and written at a time
LICENCE_NOTE = "Each record carries its own licence (licence: SPDX-style code, licence_url)."
FORMATS = ("json", "csv")

MANIFEST_CACHE_KEY = "praxis:opendata:manifest"
MANIFEST_CACHE_SECONDS = 60  # how long a web process trusts the manifest it read
SCHEDULED_KEY = "praxis:opendata:scheduled"
BUILDING_KEY = "praxis:opendata:building"
BUILD_LOCK_SECONDS = 60 * 60


def file_key(dataset: str, locale_code: str | None, fmt: str) -> str:
    """``practices.json``, ``practices-en.csv``: a file's name in the manifest (and the download's)."""
    suffix = f"-{locale_code}" if locale_code else ""
    return f"{dataset}{suffix}.{fmt}"


@dataclass(frozen=True)
class Dataset:
    """A dataset of the dump: the live, public pages of ``model``, as records.

    ``to_records(queryset)`` makes the JSON-ready records of a chunk of pages;
    ``csv_columns`` and ``csv_cells`` are the CSV's columns and their cell writers
    (``plain_cell`` for the others, see ``praxis.records``).
    """

    name: str
    model: type[Page]
    to_records: object
    csv_columns: list[str]
    csv_cells: dict = field(default_factory=dict)

    def csv_row(self, record: dict) -> list[str]:
        return csv_row(record, self.csv_columns, self.csv_cells)


DATASETS: dict[str, Dataset] = {}


def register_dataset(dataset: Dataset) -> None:
    """Add (or replace) a dataset; apps call it from their ``AppConfig.ready``."""
    DATASETS[dataset.name] = dataset


# Reading


def read_manifest() -> dict | None:
    """The current build's manifest (cached briefly), or ``None`` before the first build."""
    manifest = cache.get(MANIFEST_CACHE_KEY)
    if manifest is None:
        try:
            with default_storage.open(MANIFEST, "rb") as stored:
                manifest = json.load(stored)
        except (FileNotFoundError, OSError, ValueError):
            return None
        cache.set(MANIFEST_CACHE_KEY, manifest, MANIFEST_CACHE_SECONDS)
    return manifest


def current_file(key: str) -> dict | None:
    """The manifest entry of file ``key`` (``name``, ``size``, ``etag``, ``generated_at``),
    scheduling a build when the files are older than the content or missing. A stale file
    is still served until the next build replaces it; ``None``: no file yet."""
    manifest = read_manifest()
    if manifest is None or manifest["version"] != content_version() or key not in manifest["files"]:
        missing = manifest is None or key not in manifest["files"]
        schedule_build(force=missing)
        manifest = read_manifest()  # the immediate backend (tests) has built it meanwhile
    return manifest["files"].get(key) if manifest else None


# Scheduling


def build_delay() -> int | None:
    return settings.PRAXIS_OPENDATA_BUILD_DELAY


def schedule_build(force: bool = False) -> bool:
    """Enqueue a build unless one is already waiting; ``False`` when one was."""
    delay = build_delay() or 0
    if not cache.add(SCHEDULED_KEY, True, timeout=delay + 10 * 60):
        return False
    runner = build_open_data
    if delay and runner.get_backend().supports_defer:
        runner = runner.using(run_after=timezone.now() + timedelta(seconds=delay))
    try:
        runner.enqueue(force=force)
    except (DatabaseError, InvalidTaskError):
        cache.delete(SCHEDULED_KEY)
        logger.exception("Could not enqueue the open-data build.")
        return False
    return True


def on_content_changed(**kwargs) -> None:
    """``fragments.content_changed`` receiver: a build once the change is committed, run by
    the worker after the delay. A backend that cannot defer (the immediate one) would build
    after every publication: there, the next request for a file schedules the build."""
    if build_delay() is None:
        return
    if build_delay() and not build_open_data.get_backend().supports_defer:
        return
    transaction.on_commit(schedule_build, robust=True)


# Building


@task()
def build_open_data(force: bool = False) -> int | None:
    """Build every dump unless the files already hold the current content version; returns
    the version built from (``None``: another worker is building)."""
    cache.delete(SCHEDULED_KEY)  # a change from now on schedules the next build
    if not cache.add(BUILDING_KEY, True, timeout=BUILD_LOCK_SECONDS):
        return None
    try:
        version = content_version()
        manifest = read_manifest()
        if force or manifest is None or manifest["version"] != version:
            write_build(version)
    finally:
        cache.delete(BUILDING_KEY)
    if content_version() != version and build_delay() is not None:
        schedule_build()  # changed while building
    return version


def write_build(version: int) -> dict:
    """Write every file of a new build, then the manifest that makes it current; prune old builds."""
    now = timezone.now()
    build = f"{now:%Y%m%dT%H%M%S%f}-v{version}"
    files = {}
    locales = [None, *Locale.objects.order_by("language_code")]
    with tempfile.TemporaryDirectory(prefix="praxis-opendata-") as work:
        for dataset in DATASETS.values():
            for locale in locales:
                code = locale.language_code if locale else None
                paths = {fmt: Path(work) / file_key(dataset.name, code, fmt) for fmt in FORMATS}
                write_dataset(dataset, locale, paths, generated_at=now)
                for fmt, path in paths.items():
                    files[file_key(dataset.name, code, fmt)] = store(path, f"{FOLDER}/{build}/praxis-{path.name}", now)
    manifest = {"version": version, "build": build, "generated_at": now.isoformat(), "files": files}
    previous = read_manifest()
    replace_manifest(manifest)
    prune(keep={build, previous["build"] if previous else build})
    return manifest


def dataset_pages(dataset, locale):
    pages = dataset.model.objects.live().public()
    return best_translations(pages, locale) if locale else pages


def dataset_records(dataset, locale):
    """The dataset's records, chunk by chunk: one query streams the ids (a server-side cursor
    on PostgreSQL; the language choice is evaluated once, not per chunk), each chunk of
    ``CHUNK`` ids is turned into records."""
    ids = dataset_pages(dataset, locale).order_by("pk").values_list("pk", flat=True).iterator(chunk_size=CHUNK)
    chunk = []
    for pk in ids:
        chunk.append(pk)
        if len(chunk) == CHUNK:
            yield from chunk_records(dataset, chunk)
            chunk = []
    if chunk:
        yield from chunk_records(dataset, chunk)


def chunk_records(dataset, ids):
    return dataset.to_records(dataset.model.objects.filter(pk__in=ids).order_by("pk"))


def write_dataset(dataset, locale, paths: dict, generated_at) -> int:
    """Write the JSON and CSV files of ``dataset`` in ``locale`` at once; returns the record count."""
    head = {
        "dataset": dataset.name,
        "generated_at": generated_at.isoformat(),
        "locale": locale.language_code if locale else None,
        "licence_note": LICENCE_NOTE,
    }
    count = 0
    with (
        paths["json"].open("w", encoding="utf-8") as json_file,
        paths["csv"].open("w", encoding="utf-8", newline="") as csv_file,
    ):
        json_file.write(json.dumps(head, ensure_ascii=False, indent=2)[:-2] + f',\n  "{dataset.name}": [')
        writer = csv.writer(csv_file)
        writer.writerow(dataset.csv_columns)
        for record in dataset_records(dataset, locale):
            indented = json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n    ")
            json_file.write(("," if count else "") + "\n    " + indented)
            writer.writerow(dataset.csv_row(record))
            count += 1
        closing = "\n  ]" if count else "]"
        json_file.write(f'{closing},\n  "count": {count}\n}}\n')
    return count


def store(path: Path, name: str, generated_at) -> dict:
    """Copy a written file to the default storage; its manifest entry."""
    digest = hashlib.sha256()
    with path.open("rb") as written:
        for block in iter(lambda: written.read(1 << 16), b""):
            digest.update(block)
    with path.open("rb") as written:
        stored = default_storage.save(name, File(written))
    return {
        "name": stored,
        "size": path.stat().st_size,
        "etag": digest.hexdigest()[:32],
        "generated_at": generated_at.isoformat(),
    }


def replace_manifest(manifest: dict) -> None:
    if default_storage.exists(MANIFEST):
        default_storage.delete(MANIFEST)
    with tempfile.SpooledTemporaryFile() as buffer:
        buffer.write(json.dumps(manifest, indent=2).encode())
        buffer.seek(0)
        default_storage.save(MANIFEST, File(buffer))
    cache.set(MANIFEST_CACHE_KEY, manifest, MANIFEST_CACHE_SECONDS)


def prune(keep: set[str]) -> None:
    """Delete the files of builds other than ``keep``."""
    try:
        folders, _files = default_storage.listdir(FOLDER)
    except (FileNotFoundError, NotImplementedError):
        return
    for folder in folders:
        if folder in keep:
            continue
        for name in default_storage.listdir(f"{FOLDER}/{folder}")[1]:
            default_storage.delete(f"{FOLDER}/{folder}/{name}")
        with contextlib.suppress(NotImplementedError, OSError):  # a storage without folders (S3)
            Path(default_storage.path(f"{FOLDER}/{folder}")).rmdir()
