"""manage.py restore PATH: put back what manage.py backup wrote."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from praxis.services.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace the configured database's content and the media files by those of an archive "
        "written by manage.py backup. Asks for confirmation unless --noinput."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the archive manage.py backup wrote")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args, path: Path, interactive: bool, **options):
        if interactive:
            answer = input(
                f"This replaces the content of the database and the files in {settings.MEDIA_ROOT}. Type 'yes' to go on: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            manifest = restore(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {path} (made {manifest['created']}): {manifest['database']} database, "
                f"{manifest['media_files']} media file(s). Rebuild the search index if it is Elasticsearch: manage.py update_index."
            )
        )
