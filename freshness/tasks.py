"""Background work of freshness (django_tasks): the weekly reminders."""

from django_tasks import task

from freshness.services.reminders import send_reminders


@task()
def send_freshness_reminders() -> int:
    """Remind the owners of stale practices (schedule it weekly, or run the command); emails sent."""
    return send_reminders().emails
