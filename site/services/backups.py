"""Backup and restore: the database and the media files in one archive.

The archive is a tar file holding ``manifest.json`` (what it holds), the database
(``database.pgdump``: ``pg_dump -Fc``; or ``database.sqlite3``: SQLite's online backup) and
``media/`` (uploaded images, their renditions and documents). ``restore`` replaces the
configured database's content and writes the media files into ``MEDIA_ROOT``.

The database and the media are copied one after the other: a file uploaded in between may
be missing from the archive; run backups when nobody edits, or accept that window.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone

FORMAT = 1
POSTGRES_FILE = "database.pgdump"
SQLITE_FILE = "database.sqlite3"
MEDIA = "media"


class BackupError(Exception):
    """A backup or restore that cannot be done, with the reason."""


def _database(alias: str = "default") -> dict:
    config = connections[alias].settings_dict
    engine = config["ENGINE"]
    if engine == "django.db.backends.postgresql":
        return {"kind": "postgresql", "config": config}
    if engine == "django.db.backends.sqlite3":
        return {"kind": "sqlite", "config": config}
    raise BackupError(f"No backup for the database engine {engine}.")


def _postgres_command(program: str, config: dict) -> tuple[list[str], dict]:
    binary = shutil.which(program, path=os.environ.get("PG_BIN") or None) or shutil.which(program)
    if binary is None:
        raise BackupError(f"{program} is not installed (Debian: apt-get install postgresql-client).")
    arguments = [binary, "--no-password", "--dbname", config["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if config.get(key):
            arguments += [option, str(config[key])]
    environment = {**os.environ}
    if config.get("PASSWORD"):
        environment["PGPASSWORD"] = config["PASSWORD"]
    return arguments, environment


def _run(arguments: list[str], environment: dict) -> None:
    result = subprocess.run(arguments, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{Path(arguments[0]).name} failed: {result.stderr.strip()}")


def _dump_database(database: dict, folder: Path) -> Path:
    if database["kind"] == "postgresql":
        target = folder / POSTGRES_FILE
        arguments, environment = _postgres_command("pg_dump", database["config"])
        _run([*arguments, "--format=custom", "--file", str(target)], environment)
        return target
    target = folder / SQLITE_FILE
    connection = connections["default"]
    connection.ensure_connection()
    with sqlite3.connect(target) as copy:
        connection.connection.backup(copy)  # consistent even while others write
    copy.close()
    return target


def backup(path: Path) -> dict:
    """Write the archive to ``path``; returns its manifest."""
    database = _database()
    media_root = Path(settings.MEDIA_ROOT)
    manifest = {
        "format": FORMAT,
        "database": database["kind"],
        "created": timezone.now().isoformat(),
        "media_files": sum(1 for item in media_root.rglob("*") if item.is_file()) if media_root.exists() else 0,
    }
    with tempfile.TemporaryDirectory() as scratch:
        dump = _dump_database(database, Path(scratch))
        manifest_file = Path(scratch) / "manifest.json"
        manifest_file.write_text(json.dumps(manifest, indent=2))
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w") as archive:
            archive.add(manifest_file, "manifest.json")
            archive.add(dump, dump.name)
            if media_root.exists():
                archive.add(media_root, MEDIA)
        partial.replace(path)  # never a half-written archive under the final name
    return manifest


def _restore_database(database: dict, archive: tarfile.TarFile, manifest: dict, folder: Path) -> None:
    if manifest["database"] != database["kind"]:
        raise BackupError(
            f"This archive holds a {manifest['database']} database; the configured one is {database['kind']}."
        )
    name = POSTGRES_FILE if database["kind"] == "postgresql" else SQLITE_FILE
    archive.extract(name, folder, filter="data")
    dump = folder / name
    connections.close_all()
    if database["kind"] == "postgresql":
        arguments, environment = _postgres_command("pg_restore", database["config"])
        _run([*arguments, "--clean", "--if-exists", "--no-owner", "--no-privileges", str(dump)], environment)
        return
    target = database["config"]["NAME"]
    with sqlite3.connect(dump) as source, sqlite3.connect(target) as destination:
        source.backup(destination)
    source.close()
    destination.close()


def restore(path: Path) -> dict:
    """Replace the database's content and the media files by the archive's; returns its manifest."""
    database = _database()
    if not path.is_file():
        raise BackupError(f"No archive at {path}.")
    with tarfile.open(path, "r") as archive, tempfile.TemporaryDirectory() as scratch:
        try:
            manifest = json.load(archive.extractfile("manifest.json"))
        except KeyError:
            raise BackupError(f"{path} is not a Praxis backup (no manifest.json).") from None
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
        _restore_database(database, archive, manifest, Path(scratch))
        media_root = Path(settings.MEDIA_ROOT)
        media_root.mkdir(parents=True, exist_ok=True)
        prefix = f"{MEDIA}/"
        for member in archive.getmembers():
            if member.name.startswith(prefix) and (member.isfile() or member.isdir()):
                member.name = member.name[len(prefix) :]
                archive.extract(member, media_root, filter="data")
    return manifest
