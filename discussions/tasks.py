"""Background work of the questions and answers (django_tasks: the database worker in
production, the immediate backend in tests)."""

from django_tasks import task

from discussions.services import notify


@task()
def post_published(post_id: int) -> int:
    """The emails of a question or an answer that became public; emails sent."""
    return notify.notify(post_id)
