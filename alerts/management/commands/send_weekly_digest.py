from django.core.management.base import BaseCommand

from alerts.services.digest import send_weekly_digest
from alerts.tasks import send_weekly_digest as digest_task


class Command(BaseCommand):
    help = "Email each member the new practices their weekly saved searches find (run it once a week)."

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Queue it for the worker instead.")

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            digest_task.enqueue()
            self.stdout.write("Weekly digest queued.")
            return
        report = send_weekly_digest()
        self.stdout.write(
            f"Weekly digest: {report.practices} new practices, {report.searches} saved searches "
            f"({report.distinct_searches} distinct), {report.emails} emails sent."
        )
