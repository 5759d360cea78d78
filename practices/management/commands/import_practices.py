"""manage.py import_practices FILE: bring practices in from a CSV or JSON file (all rows or none)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from practices.io.importer import import_practices


class Command(BaseCommand):
    help = (
        "Import practices from a CSV or JSON file. Every row is checked first and every problem "
        "is reported with its row and column; nothing is imported unless the whole file is valid."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV or JSON file (UTF-8, with or without BOM).")
        parser.add_argument("--format", choices=["csv", "json"], help="Default: from the file name or its content.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and say what would change.")
        parser.add_argument("--publish", action="store_true", help="Publish the pages (default: drafts).")
        parser.add_argument("--parent", metavar="LAB_SLUG", help="Lab for rows with an empty “lab” column.")
        parser.add_argument("--encoding", help="Read another encoding, e.g. cp1252 for Excel on Windows.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror or error}") from None
        report = import_practices(
            data,
            fmt=options["format"],
            filename=path.name,
            encoding=options["encoding"],
            dry_run=options["dry_run"],
            publish=options["publish"],
            default_lab=options["parent"],
        )
        if not report.ok:
            for problem in report.problems:
                self.stderr.write(str(problem))
            raise CommandError(report.summary())
        verb = {"create": "create", "translate": "translate", "update": "update"}
        for outcome in report.outcomes:
            self.stdout.write(f"{verb[outcome.action]:<9} {outcome.external_id} [{outcome.language}] {outcome.title}")
        self.stdout.write(self.style.SUCCESS(report.summary()))
