"""Load the demo content from its data files. Idempotent: running it twice changes nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand

from demo.catalogue import CONTENT
from demo.loader import Step, load_demo


class Command(BaseCommand):
    help = (
        "Create the site and its demo content: labs, programmes and practices from the seed articles, "
        "in French with English translations, read from YAML data files (safe to run again)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--content", type=Path, default=CONTENT, help=f"The folder of data files (default: {CONTENT})."
        )

    def handle(self, *args, content, **options):
        result = load_demo(content, progress=self.report)
        live_practices = sum(1 for page in result.practices.values() if page.live)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready under “{result.home.title}”: {len(result.labs)} labs, "
                f"{len(result.programmes)} programmes, {len(result.practices)} practices "
                f"({live_practices} published), each with its English translation; "
                f"{len(result.changed)} pages created or updated."
            )
        )

    def report(self, step: Step):
        self.stdout.write(str(step))
        self.stdout.flush()  # one line at a time, also when the output is piped
