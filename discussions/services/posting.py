"""Asking, answering, reporting and moderating: the one place posts change status.

- A member's post waits for approval until ``PRAXIS_DISCUSSIONS_HELD_UNTIL_APPROVED`` of
  their posts have been published (default 1: the first post is reviewed; 0: nobody waits);
  the practice's team (contact, lab editors) answers without waiting.
- A member writes at most ``PRAXIS_DISCUSSIONS_POSTS_PER_MINUTE`` posts a minute and
  ``PRAXIS_DISCUSSIONS_POSTS_PER_DAY`` a day (counted in the database, so every process agrees).
- Each change is logged (``ModerationEvent``); a change of what the public sees drops the
  practice page from the front-end cache and, when a post becomes public, queues its emails.
"""

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from discussions.answerers import TEAM_ROLES
from discussions.models import ModerationEvent, Post
from discussions.tasks import post_published
from practices.models import PracticePage
from praxis.services.frontend_cache import page_tag, page_urls, purge_after_commit

Action = ModerationEvent.Action
CACHE_TAG = "questions"  # the API's listings of questions (praxis.http_cache tags)


def open_practice(page_id) -> PracticePage | None:
    """A live, public practice page, where questions can be read and asked; else None."""
    return PracticePage.objects.live().public().filter(pk=page_id).select_related("locale").first()


def waiting_time(member) -> str | None:
    """``"minute"`` or ``"day"`` when ``member`` has written as many posts as allowed in it."""
    now = timezone.now()
    posts = Post.objects.filter(author=member)
    if posts.filter(created_at__gte=now - timedelta(minutes=1)).count() >= settings.PRAXIS_DISCUSSIONS_POSTS_PER_MINUTE:
        return "minute"
    if posts.filter(created_at__gte=now - timedelta(days=1)).count() >= settings.PRAXIS_DISCUSSIONS_POSTS_PER_DAY:
        return "day"
    return None


def is_held(member, role: str) -> bool:
    if role in TEAM_ROLES:
        return False
    needed = settings.PRAXIS_DISCUSSIONS_HELD_UNTIL_APPROVED
    if needed <= 0:
        return False
    return Post.objects.filter(author=member, published_at__isnull=False).count() < needed


def _create(practice, member, body: str, role: str, question=None) -> Post:
    held = is_held(member, role)
    post = Post.objects.create(
        practice=practice,
        question=question,
        author=member,
        author_role=role,
        language=practice.locale.language_code,
        body=body,
        status=Post.Status.PENDING if held else Post.Status.PUBLISHED,
        published_at=None if held else timezone.now(),
    )
    ModerationEvent.objects.create(post=post, action=Action.HELD if held else Action.PUBLISHED, actor=member.user)
    if not held:
        _went_public(post)
    return post


@transaction.atomic
def ask(practice: PracticePage, member, body: str) -> Post:
    return _create(practice, member, body, Post.Role.MEMBER)


@transaction.atomic
def answer(question: Post, member, role: str, body: str) -> Post:
    return _create(question.practice, member, body, role, question=question)


@transaction.atomic
def report(post: Post, user, reason: str) -> None:
    """Anyone signed in may report a public post; the network team decides (it stays public until then)."""
    Post.objects.filter(pk=post.pk).update(reported_at=timezone.now())
    ModerationEvent.objects.create(post=post, action=Action.REPORTED, actor=user, reason=reason)


# What each decision does: the status it sets, and the statuses it applies to.
DECISIONS = {
    Action.APPROVED: (Post.Status.PUBLISHED, (Post.Status.PENDING,)),
    Action.KEPT: (None, (Post.Status.PUBLISHED,)),
    Action.HIDDEN: (Post.Status.HIDDEN, (Post.Status.PENDING, Post.Status.PUBLISHED)),
    Action.REMOVED: (Post.Status.REMOVED, (Post.Status.PENDING, Post.Status.PUBLISHED, Post.Status.HIDDEN)),
    Action.RESTORED: (Post.Status.PUBLISHED, (Post.Status.HIDDEN,)),
}
NEEDS_REASON = (Action.HIDDEN, Action.REMOVED)


def possible_decisions(post: Post) -> list[str]:
    return [action for action, (_status, sources) in DECISIONS.items() if post.status in sources]


@transaction.atomic
def decide(post: Post, action: str, user, reason: str = "") -> Post:
    """A network team decision on ``post``, logged; ``ValueError`` when it does not apply."""
    post = Post.objects.select_for_update().get(pk=post.pk)
    if action not in possible_decisions(post):
        raise ValueError(f"{action} does not apply to a {post.status} post")
    if action in NEEDS_REASON and not reason.strip():
        raise ValueError("a reason is required")
    status, _sources = DECISIONS[action]
    was_public = post.is_public
    first_publication = status == Post.Status.PUBLISHED and post.published_at is None
    if status:
        post.status = status
    if status == Post.Status.PUBLISHED and post.published_at is None:
        post.published_at = timezone.now()
    post.reported_at = None
    post.save(update_fields=["status", "published_at", "reported_at"])
    ModerationEvent.objects.create(post=post, action=action, actor=user, reason=reason)
    if first_publication:
        _went_public(post)
    elif was_public != post.is_public:
        purge(post.practice)
    return post


def purge(practice) -> None:
    """Drop the practice page (its URLs and tag) and the API's question listings from Varnish."""
    purge_after_commit(page_urls(practice), [page_tag(practice.pk), CACHE_TAG])


def _went_public(post: Post) -> None:
    purge(post.practice)
    transaction.on_commit(partial(post_published.enqueue, post.pk))
