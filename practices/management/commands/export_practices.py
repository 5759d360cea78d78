"""manage.py export_practices: live, public practices as CSV or JSON, ready to import again."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from practices.io.exporter import export_csv, export_json
from practices.models import PracticePage
from praxis.visibility import best_translations


class Command(BaseCommand):
    help = (
        "Export the live, public practices with the import columns (contact emails are never exported). "
        "The file can be imported again with import_practices."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "json"], default="csv")
        parser.add_argument(
            "--locale", help="One practice per translation group, in this language when it exists (default: all)."
        )
        parser.add_argument("--output", "-o", help="File to write (default: standard output).")

    def handle(self, *args, **options):
        queryset = PracticePage.objects.live().public()
        if options["locale"]:
            locale = Locale.objects.filter(language_code=options["locale"]).first()
            if locale is None:
                raise CommandError(f"Unknown locale “{options['locale']}”.")
            queryset = best_translations(queryset, locale)
        queryset = queryset.order_by("pk")
        text = export_csv(queryset) if options["format"] == "csv" else export_json(queryset) + "\n"
        if options["output"]:
            try:
                Path(options["output"]).write_text(text, encoding="utf-8")
            except OSError as error:
                raise CommandError(f"Cannot write {options['output']}: {error.strerror or error}") from None
            self.stderr.write(f"Wrote {options['output']}")
        else:
            self.stdout.write(text, ending="")
