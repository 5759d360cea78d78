from django.core.management.base import BaseCommand

from freshness.services.reminders import send_reminders
from freshness.tasks import send_freshness_reminders


class Command(BaseCommand):
    help = "Remind the owners of practices not verified for a year (run it once a week)."

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Queue it for the worker instead.")

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            send_freshness_reminders.enqueue()
            self.stdout.write("Freshness reminders queued.")
            return
        report = send_reminders()
        self.stdout.write(
            f"Freshness: {report.stale} stale practices, {report.reminded} reminded, "
            f"{report.escalated} escalated to the network team, {report.emails} emails sent."
        )
