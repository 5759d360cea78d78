"""manage.py backup / restore: an archive restored into an empty database and an empty media
folder gives back the same pages, revisions, documents and images (SQLite and PostgreSQL)."""

import inspect
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import wagtail_factories
from django.core.management import CommandError, call_command
from django.db import connection
from factories.showcase import PracticeDocumentFactory

from praxis.models import StandardPage

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db(transaction=True)  # pg_dump reads committed rows only


def snapshot():
    """What must survive: pages, revisions, documents and images with their files' bytes."""
    import hashlib  # reason: this function's source also runs alone in a subprocess
    import json

    from django.conf import settings
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, Revision

    def digest(name):
        return hashlib.sha256((Path(settings.MEDIA_ROOT) / name).read_bytes()).hexdigest()

    return json.loads(
        json.dumps(
            {
                "pages": sorted([page.url_path, page.title, page.live] for page in Page.objects.all()),
                "revisions": sorted(
                    [revision.object_str, revision.content.get("title"), revision.created_at.isoformat()]
                    for revision in Revision.objects.all()
                ),
                "documents": sorted(
                    [document.title, document.file.name, digest(document.file.name)]
                    for document in get_document_model().objects.all()
                ),
                "images": sorted(
                    [image.title, image.file.name, image.width, digest(image.file.name)]
                    for image in get_image_model().objects.all()
                ),
            }
        )
    )


SNAPSHOT_SCRIPT = (
    "import json\nfrom pathlib import Path\n" + inspect.getsource(snapshot) + "print(json.dumps(snapshot()))"
)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def content(transactional_db, home, media):
    page = home.add_child(instance=StandardPage(title="Sauvegarde", slug="sauvegarde", locale=home.locale))
    page.save_revision().publish()
    page.title = "Sauvegarde, brouillon suivant"
    page.save_revision()
    PracticeDocumentFactory(title="Délibération sauvegardée")
    wagtail_factories.ImageFactory(title="Photo sauvegardée")
    return snapshot()


@pytest.fixture
def empty_database(tmp_path):
    """The URL of a new, empty database of the same kind as the test database."""
    config = connection.settings_dict
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"praxis_restored_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    credentials = config["USER"] + (f":{config['PASSWORD']}" if config.get("PASSWORD") else "")
    yield f"postgres://{credentials}@{config['HOST']}:{config['PORT']}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*args, database_url, media_root):
    environment = {
        **{key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"},
        "DJANGO_SETTINGS_MODULE": "praxis.settings.test",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
    }
    result = subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_a_backup_restores_into_an_empty_database_and_media_folder(content, tmp_path, empty_database):
    archive = tmp_path / "praxis.tar"
    call_command("backup", str(archive))
    assert archive.is_file()
    restored_media = tmp_path / "restored-media"
    assert not restored_media.exists()

    output = manage("restore", str(archive), "--noinput", database_url=empty_database, media_root=restored_media)
    assert "Restored" in output
    restored = json.loads(
        manage("shell", "-v", "0", "-c", SNAPSHOT_SCRIPT, database_url=empty_database, media_root=restored_media)
    )

    assert restored == content
    assert len(content["revisions"]) >= 2 and content["documents"] and content["images"]
    assert any(title == "Sauvegarde" and live for _path, title, live in restored["pages"])


def test_restore_refuses_what_is_not_a_backup(tmp_path, media):
    stray = tmp_path / "stray.tar"
    stray.write_bytes(b"not a tar file")
    with pytest.raises(CommandError):
        call_command("restore", str(tmp_path / "missing.tar"), "--noinput")
    with pytest.raises(Exception, match="tar|backup"):
        call_command("restore", str(stray), "--noinput")
