"""Load the demo content. Idempotent: running it twice changes nothing."""

from django.core.management.base import BaseCommand

from practices.demo.loader import load_demo
from praxis.services.site_setup import ensure_site


class Command(BaseCommand):
    help = (
        "Create the site and its demo content: labs, programmes and practices from the seed articles, "
        "in French with English translations (safe to run again)."
    )

    def handle(self, *args, **options):
        home = ensure_site()
        content = load_demo()
        live_practices = sum(1 for page in content.practices.values() if page.live)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready under “{home.title}”: {len(content.labs)} labs, "
                f"{len(content.programmes)} programmes, {len(content.practices)} practices "
                f"({live_practices} published), each with its English translation; "
                f"{len(content.changed)} pages created or updated."
            )
        )
