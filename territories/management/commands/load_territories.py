"""``manage.py load_territories [PATH]``: load or refresh the territory reference."""

import time

from django.core.management.base import BaseCommand, CommandError

from praxis.services.fragments import bump_content_version
from territories.dataset import PACKAGE, DatasetError, parse, read_files, source_of
from territories.loading import load


class Command(BaseCommand):
    help = (
        "Load the French territories (régions, départements, EPCI, communes) from Etalab's découpage "
        f"administratif: a folder of its JSON files or its npm tarball; by default {PACKAGE}, fetched "
        "with npm pack into .cache/territories/. Idempotent: a reload updates what changed and marks "
        "what disappeared as historical."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="Folder holding communes.json etc., or the .tgz from npm pack.")
        parser.add_argument("--cache", help="Where npm pack puts the tarball (default .cache/territories/).")

    def handle(self, *args, path=None, cache=None, **options):
        started = time.monotonic()
        try:
            source = source_of(path, cache, PACKAGE, self.stdout.write)
            self.stdout.write(f"Reading {source}…")
            dataset = parse(read_files(source))
        except DatasetError as error:
            raise CommandError(str(error)) from error
        summary = load(dataset, report=self.stdout.write)
        if summary.changed:  # names, populations and kinds shown in cached cards and the map
            bump_content_version()
        seconds = time.monotonic() - started
        verdict = "nothing changed" if not summary.changed else f"{summary.changed} changes"
        self.stdout.write(self.style.SUCCESS(f"Territories loaded in {seconds:.1f} s: {verdict}."))
