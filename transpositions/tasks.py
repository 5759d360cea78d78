"""Background work of transpositions (django_tasks): the 6- and 12-month reminders."""

from django_tasks import task

from transpositions.services.reminders import send_reminders


@task()
def send_transposition_reminders() -> int:
    """Remind owners of plans under way for 6 and 12 months (schedule it daily); emails sent."""
    return send_reminders().emails
