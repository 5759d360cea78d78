"""Members who transposed a practice may answer its questions (``discussions.answerers``):
an owner or editor of a plan on it that is under way or done, or the member who shared an
outcome of it that was approved. Registered by ``TranspositionsConfig.ready()``."""

from django.db.models import Exists

from discussions.models import Post
from members.models import Member
from transpositions.models import Collaborator, Outcome, Plan

TRANSPOSED = (Plan.Status.UNDER_WAY, Plan.Status.DONE)
WRITERS = (Collaborator.Role.OWNER, Collaborator.Role.EDITOR)


def transposed_it(practice, member) -> str | None:
    key = practice.translation_key
    planned = Collaborator.objects.filter(
        member=member, role__in=WRITERS, plan__practice_key=key, plan__status__in=TRANSPOSED
    )
    shared = Outcome.objects.approved().filter(practice_key=key, submitted_by=member)
    if Member.objects.filter(pk=member.pk).filter(Exists(planned) | Exists(shared)).exists():  # one query
        return Post.Role.TRANSPOSER
    return None
