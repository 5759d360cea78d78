from django.core.management.base import BaseCommand

from transpositions.services.reminders import send_reminders
from transpositions.tasks import send_transposition_reminders


class Command(BaseCommand):
    help = "Remind the owners of plans under way for 6 and 12 months to record what happened (run it daily)."

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Queue it for the worker instead.")

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            send_transposition_reminders.enqueue()
            self.stdout.write("Transposition reminders queued.")
            return
        report = send_reminders()
        self.stdout.write(f"Transpositions: {report.plans} plans due a reminder, {report.emails} emails sent.")
