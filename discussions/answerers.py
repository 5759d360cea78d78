"""Who may answer the questions asked under a practice: a registry of providers.

A provider is ``fn(practice, member) -> Post.Role | None``: the role the member answers in
(shown beside the answer), or None. The first provider that names a role wins. Built in, and
registered by ``DiscussionsConfig.ready()``:

- ``practice_contact``: the member whose account address is the practice's contact email;
- ``lab_editors``: a member whose account is in the editors group of the lab the practice is
  filed under (``praxis.services.editorial``, one group per lab).

**Extension point** (issue #14, the transposition workspace): the app that records who
transposed a practice registers a provider returning ``Post.Role.TRANSPOSER`` for those
members, from its own ``AppConfig.ready()`` if it sits above ``discussions`` in the layers,
else from ``DiscussionsConfig.ready()``::

    from discussions.answerers import register_answerer
    register_answerer(transposed_it)   # fn(practice, member) -> Post.Role | None

Answers written in the team's roles (contact, editor) are published at once: the team is
accountable for its practice; any other answer follows the rule for new members' posts.
"""

from collections.abc import Callable

from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef

from discussions.models import Post
from members.models import Member
from members.relay import recipients
from practices.models import PracticePage
from praxis.services.editorial import nearest_editors_groups

Provider = Callable[[PracticePage, Member], str | None]
TEAM_ROLES = (Post.Role.CONTACT, Post.Role.EDITOR)

_providers: list[Provider] = []


def register_answerer(provider: Provider) -> Provider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def answering_role(practice: PracticePage, member: Member | None) -> str | None:
    """The role ``member`` answers ``practice``'s questions in, else None (may not answer)."""
    if member is None or not member.is_approved:
        return None
    for provider in _providers:
        role = provider(practice, member)
        if role:
            return role
    return None


def practice_contact(practice: PracticePage, member: Member) -> str | None:
    address = (practice.contact_email or "").strip().lower()
    if address and address == (member.user.email or "").strip().lower():
        return Post.Role.CONTACT
    return None


def lab_editors(practice: PracticePage, member: Member) -> str | None:
    """The editors of the nearest lab above the practice (as ``members.relay`` finds them), in one query."""
    in_group = Exists(Group.user_set.through.objects.filter(group=OuterRef("pk"), user=member.user_id))
    nearest = nearest_editors_groups(practice).annotate(is_member=in_group).values_list("is_member", flat=True)
    return Post.Role.EDITOR if nearest.first() else None


def team_addresses(practice: PracticePage) -> list[str]:
    """Who is told of a new question: the contact person, else the lab's editors."""
    return recipients(practice)
