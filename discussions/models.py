"""Questions and answers under a practice page, and the record of their moderation.

One model for both (``Post``): a question belongs to a practice page (the language version it
was asked on), an answer to a question (and to the same page). What a post shows of its author
is read from their member profile (name, organisation), never an address; an erased member's
posts stay, unattributed (``author`` set to NULL)."""

from django.conf import settings
from django.db import connection, models
from django.utils.translation import gettext_lazy as _

from members.models import Member
from practices.models import PracticePage

BODY_MAX_CHARS = 4000
REASON_MAX_CHARS = 500


class PostQuerySet(models.QuerySet):
    def public(self):
        """What anyone may read: published posts; an answer only under a published question."""
        return self.filter(status=Post.Status.PUBLISHED).exclude(
            question__isnull=False, question__status__in=Post.NOT_PUBLIC
        )

    def questions(self):
        return self.filter(question__isnull=True)


def has_published_posts(practice_id: int) -> bool:
    """Whether any post under the practice is published. Most practice pages have none, and
    every reader of one asks: written as SQL (the ``practice, status`` index answers it), the
    ORM's statement for the thread costing five times this query."""
    quote = connection.ops.quote_name
    table = quote(Post._meta.db_table)
    practice, status = (quote(Post._meta.get_field(name).column) for name in ("practice", "status"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 1 FROM {table} WHERE {practice} = %s AND {status} = %s LIMIT 1",  # noqa: S608 - names from the model
            [practice_id, Post.Status.PUBLISHED],
        )
        return cursor.fetchone() is not None


class Post(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        PUBLISHED = "published", _("published")
        HIDDEN = "hidden", _("hidden")
        REMOVED = "removed", _("removed")

    class Role(models.TextChoices):
        MEMBER = "member", _("member")
        CONTACT = "contact", _("the practice's contact")
        EDITOR = "editor", _("the lab's editor")
        TRANSPOSER = "transposer", _("transposed this practice")

    NOT_PUBLIC = (Status.PENDING, Status.HIDDEN, Status.REMOVED)

    practice = models.ForeignKey(
        PracticePage, on_delete=models.CASCADE, related_name="discussion_posts", verbose_name=_("practice")
    )
    question = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="answers",
        verbose_name=_("question answered"),
    )
    author = models.ForeignKey(
        Member,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="discussion_posts",
        verbose_name=_("author"),
    )
    author_role = models.CharField(_("written as"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    body = models.TextField(_("text"), max_length=BODY_MAX_CHARS)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    reported_at = models.DateTimeField(
        _("reported"), null=True, blank=True, help_text=_("Set by a reader's report, cleared by a decision.")
    )

    objects = PostQuerySet.as_manager()

    # praxis.services.editorial: the network team moderates (never writes) questions and answers.
    managed_by_network_team = ("view", "change")

    class Meta:
        verbose_name = _("question or answer")
        verbose_name_plural = _("questions and answers")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["practice", "status", "created_at"]),
            models.Index(fields=["author", "created_at"]),
            models.Index(fields=["status", "reported_at"]),
        ]

    def __str__(self):
        text = " ".join(self.body.split())
        return text if len(text) <= 80 else text[:79] + "…"

    @property
    def is_question(self) -> bool:
        return self.question_id is None

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def kind_label(self) -> str:
        return str(_("question") if self.is_question else _("answer"))


class ModerationEvent(models.Model):
    """One thing that happened to a post: written, held, approved, reported, hidden, removed,
    restored. The log the network team reads (admin), never shown in public."""

    class Action(models.TextChoices):
        HELD = "held", _("held for approval")
        PUBLISHED = "published", _("published")
        APPROVED = "approved", _("approved")
        REPORTED = "reported", _("reported")
        KEPT = "kept", _("report dismissed")
        HIDDEN = "hidden", _("hidden")
        REMOVED = "removed", _("removed")
        RESTORED = "restored", _("restored")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="events", verbose_name=_("post"))
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    reason = models.TextField(_("reason"), max_length=REASON_MAX_CHARS, blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True)

    managed_by_network_team = ("view",)  # a log: read, never changed

    class Meta:
        verbose_name = _("moderation event")
        verbose_name_plural = _("moderation log")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["post", "at"]), models.Index(fields=["action", "at"])]

    def __str__(self):
        return f"{self.get_action_display()} · {self.post}"


class TeamOptOut(models.Model):
    """An address of a practice's team (a contact person, an editor) that asked, by the
    one-click link of a question notice, to get no more of them. Members unsubscribe through
    their own switch (``Member.email_notifications``) instead."""

    email = models.EmailField(unique=True)
    at = models.DateTimeField(auto_now_add=True)
