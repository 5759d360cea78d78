"""Load the demo content. Idempotent: running it twice changes nothing."""

from django.core.management.base import BaseCommand

from praxis.services.site_setup import ensure_site


class Command(BaseCommand):
    help = "Create the site and its demo content (safe to run again)."

    def handle(self, *args, **options):
        home = ensure_site()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: home page “{home.title}”."))
