"""manage.py backup PATH: the database and the media files in one archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from praxis.services.backups import BackupError, backup


class Command(BaseCommand):
    help = (
        "Write the database (PostgreSQL: pg_dump -Fc; SQLite: an online copy) and the media files "
        "to one archive (a tar file). Restore it with manage.py restore PATH."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the archive to write, e.g. praxis-2026-05-31.tar")

    def handle(self, *args, path: Path, **options):
        try:
            manifest = backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {path}: {manifest['database']} database, {manifest['media_files']} media file(s)."
            )
        )
