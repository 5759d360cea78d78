"""Transposition plans: private workspaces where members adapt a practice to their territory.

A plan keeps a copy of what it was built from (``source``): the practice may later be
unpublished, changed or deleted, the plan still reads the same. Its lists (core elements,
adaptable elements, prerequisites, risks, milestones, partners) are JSON lists of small
dicts, validated by ``transpositions.forms``; their keys are documented on each field.
Identifiers are random UUIDs: a plan cannot be found by guessing or counting.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from members.models import Member
from practices.choices import TranspositionOutcome
from territories.models import Territory

TITLE_MAX = 200
TEXT_MAX = 5000  # one free-text answer (why, choice, notes of an item)
NOTES_MAX = 20000  # the plan's notes
ITEMS_MAX = 60  # items in one list


class PlanQuerySet(models.QuerySet):
    def of_member(self, member: Member):
        """The plans ``member`` was invited to (any role)."""
        return self.filter(collaborators__member=member).distinct()


class Plan(models.Model):
    class Status(models.TextChoices):
        EXPLORING = "exploring", _("Exploring")
        PLANNED = "planned", _("Planned")
        UNDER_WAY = "under_way", _("Under way")
        DONE = "done", _("Done")
        ABANDONED = "abandoned", _("Abandoned")

    class Decision(models.TextChoices):
        """What happens to one core element of the practice."""

        KEEP = "keep", _("Keep as is")
        CHANGE = "change", _("Keep with changes")
        DROP = "drop", _("Cannot keep")
        UNDECIDED = "", _("Not decided yet")

    class Readiness(models.TextChoices):
        """Where one prerequisite stands."""

        IN_PLACE = "in_place", _("In place")
        TO_DO = "to_do", _("To do")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    practice = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("practice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The practice the plan started from (empty once it was deleted)."),
    )
    practice_key = models.UUIDField(db_index=True, editable=False)  # the practice's translation key
    # A copy of what the plan was built from (transpositions.services.starting.snapshot).
    source = models.JSONField(default=dict, editable=False)
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)

    territory = models.ForeignKey(
        Territory,
        verbose_name=_("reference territory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    territory_name = models.CharField(_("territory"), max_length=200, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)

    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.EXPLORING)
    status_reason = models.TextField(_("why it was abandoned"), blank=True, max_length=TEXT_MAX)
    under_way_since = models.DateField(_("under way since"), null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(default=0, editable=False)  # 6 and 12 months

    # [{"text": str, "decision": Decision, "why": str}]
    core_elements = models.JSONField(_("core elements"), default=list, blank=True)
    # [{"text": str, "choice": str}]
    adaptable_elements = models.JSONField(_("adaptable elements"), default=list, blank=True)
    # [{"text": str, "state": Readiness, "who": str, "when": str}]
    prerequisites = models.JSONField(_("prerequisites"), default=list, blank=True)
    # The competence check for the plan's territory when it was made (or last refreshed):
    # {"holds": bool, "message": str, "levels": [str], "territory": str} or {} (nothing to check).
    competence = models.JSONField(_("competence check"), default=dict, blank=True)

    # Budget and staff time rescaled from the source (transpositions.services.estimates):
    # the ratio and the price change are stated and editable; the estimate is computed.
    cost_ratio = models.DecimalField(
        _("size ratio"),
        max_digits=9,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("How many times the source's size your territory is (population ratio by default)."),
    )
    price_change = models.DecimalField(
        _("price change since the source (%)"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
    )
    estimate_assumption = models.TextField(_("assumption"), blank=True, max_length=TEXT_MAX)

    # [{"text": str, "mitigation": str}]
    risks = models.JSONField(_("risks"), default=list, blank=True)
    # [{"what": str, "when": str, "who": str}]
    milestones = models.JSONField(_("milestones"), default=list, blank=True)
    # [{"name": str, "role": str}]
    partners = models.JSONField(_("local partners"), default=list, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=NOTES_MAX)

    # Optimistic concurrency: a save names the version it was edited from (services.editing).
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("transposition plan")
        verbose_name_plural = _("transposition plans")
        indexes = [models.Index(fields=["practice_key", "status"], name="plan_practice_status")]

    def __str__(self):
        return self.title

    @property
    def source_title(self) -> str:
        return self.source.get("title", "")


class Collaborator(models.Model):
    """A member's access to a plan. The owner manages collaborators; editors edit; readers read."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        EDITOR = "editor", _("Editor")
        READER = "reader", _("Reader")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="collaborators")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="plan_roles")
    role = models.CharField(_("role"), max_length=8, choices=Role.choices)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("collaborator")
        verbose_name_plural = _("collaborators")
        constraints = [models.UniqueConstraint(fields=["plan", "member"], name="collaborator_once_per_plan")]

    def __str__(self):
        return f"{self.member} ({self.get_role_display()})"


class Invitation(models.Model):
    """An invitation sent by email; accepted by a signed-in, approved member with that address."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=8, choices=Collaborator.Role.choices)
    # sha256 of the secret sent in the email: the database alone cannot accept an invitation.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(Member, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        indexes = [models.Index(fields=["plan", "email"], name="invitation_plan_email")]

    def __str__(self):
        return self.email


class PlanChange(models.Model):
    """One line of a plan's history: who changed what, when."""

    class Kind(models.TextChoices):
        CREATED = "created", _("started the plan")
        EDITED = "edited", _("edited")
        STATUS = "status", _("changed the status")
        INVITED = "invited", _("invited a colleague")
        JOINED = "joined", _("joined")
        ROLE = "role", _("changed a role")
        REMOVED = "removed", _("removed a collaborator")
        SHARED = "shared", _("shared the outcome")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="changes")
    member = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    fields = models.JSONField(default=list, blank=True)  # names of the fields an edit changed
    detail = models.CharField(max_length=300, blank=True)  # e.g. "planned → under way", an email
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["plan", "-at"], name="plan_change_recent")]


class Note(models.Model):
    """A generated note for elected officials (PDF or .docx) of one version of a plan.

    Kept in the database, not in the media storage: media files are public (served under
    ``MEDIA_URL``, publicly readable on S3), a plan's note must never be; here it is read
    only through ``transpositions.access``, is deleted with its plan, and backups and
    permissions are those of the plans themselves. A cache could evict a note between the
    worker's build and the member's download, the database keeps it until the plan changes.
    One row per (plan, version, language, format): identical requests share one build;
    notes of older versions are pruned once a newer one is built.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="note_files")
    version = models.PositiveIntegerField()
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    format = models.CharField(max_length=8)
    state = models.CharField(max_length=8, choices=State.choices, default=State.PENDING)
    content = models.BinaryField(default=b"", editable=False)
    filename = models.CharField(max_length=120, blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    built_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("note for elected officials")
        verbose_name_plural = _("notes for elected officials")
        constraints = [
            models.UniqueConstraint(fields=["plan", "version", "language", "format"], name="note_once_per_version")
        ]

    def __str__(self):
        return f"{self.plan_id} v{self.version} {self.language} {self.format}"


class OutcomeQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(review=Outcome.Review.APPROVED)


class Outcome(models.Model):
    """What happened when a plan was carried out (or given up), shared back by its owner.

    Reviewed by the source lab's editors or the network team (``transpositions.viewsets``);
    once approved it shows on the source practice (every translation: ``practice_key``) as a
    lineage entry, and counts as a territory that transposed it. It outlives the plan and the
    member: what it says publicly is in its own fields, never read from the plan.
    """

    class Review(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    OUTCOMES = [choice for choice in TranspositionOutcome.choices if choice[0] != TranspositionOutcome.ONGOING]

    practice = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("source practice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    practice_key = models.UUIDField(db_index=True, editable=False)  # the source practice's translation key
    plan = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="outcomes", editable=False
    )
    territory_name = models.CharField(
        _("territory shown publicly"),
        max_length=200,
        help_text=_("As precise as you wish: you may generalise it, e.g. “a département of Auvergne”."),
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=OUTCOMES)
    kept = models.TextField(_("what was kept"), blank=True, max_length=TEXT_MAX)
    what_changed = models.TextField(_("what changed"), blank=True, max_length=TEXT_MAX)
    result = models.TextField(_("result"), blank=True, max_length=TEXT_MAX)
    failures = models.TextField(_("failures and difficulties"), blank=True, max_length=TEXT_MAX)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)

    submitted_by = models.ForeignKey(
        Member,
        verbose_name=_("shared by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    submitted_at = models.DateTimeField(_("shared"), auto_now_add=True)
    review = models.CharField(_("review"), max_length=10, choices=Review.choices, default=Review.SUBMITTED)
    review_comment = models.TextField(_("reviewer's comment"), blank=True, max_length=TEXT_MAX)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    objects = OutcomeQuerySet.as_manager()

    class Meta:
        verbose_name = _("shared outcome")
        verbose_name_plural = _("shared outcomes")
        indexes = [models.Index(fields=["practice_key", "review"], name="outcome_practice_review")]

    def __str__(self):
        return self.territory_name
