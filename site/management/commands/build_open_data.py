"""Build the open-data files now (a nightly cron; the worker also builds them after changes)."""

from django.core.management.base import BaseCommand

from praxis.opendata_files import write_build
from praxis.services.fragments import content_version


class Command(BaseCommand):
    help = "Write every open-data dump (JSON and CSV, every language) to the media storage."

    def handle(self, *args, **options):
        manifest = write_build(content_version())
        for key, entry in manifest["files"].items():
            self.stdout.write(f"{key}: {entry['size']:,} bytes → {entry['name']}")
        self.stdout.write(self.style.SUCCESS(f"Open data built from content version {manifest['version']}."))
