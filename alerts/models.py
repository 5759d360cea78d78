"""A member's saved searches, follows and selections, and the record of what was sent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from members.models import Member
from practices.models import PracticePage

QUERY_MAX_CHARS = 2000  # a canonical query string (``SearchParams.querydict``) is far shorter


class SavedSearch(models.Model):
    """A search (text and facets) as its canonical query string, in the language it was made in."""

    class Alert(models.TextChoices):
        NONE = "none", _("no alert")
        IMMEDIATE = "immediate", _("immediately")
        WEEKLY = "weekly", _("weekly digest")

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="saved_searches")
    name = models.CharField(_("name"), max_length=150)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    query = models.CharField(_("query string"), max_length=QUERY_MAX_CHARS, blank=True)
    alert = models.CharField(_("alert"), max_length=12, choices=Alert.choices, default=Alert.NONE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["alert", "language", "query"])]

    def __str__(self):
        return self.name


class Sent(models.Model):
    """What a member was already told about a practice (by translation key, so every language
    version counts): a practice republished, or translated, never alerts the same member twice."""

    class Kind(models.TextChoices):
        ALERT = "alert", _("new practice for a saved search")
        TRANSPOSED = "transposed", _("followed practice transposed")
        STOPPED = "stopped", _("followed practice stopped")

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="alerts_sent")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    translation_key = models.UUIDField()
    subject = models.CharField(max_length=36, blank=True, default="")  # the transposition's key
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "kind", "translation_key", "subject"], name="alerts_sent_once")
        ]
        indexes = [models.Index(fields=["kind", "translation_key"])]


class DigestRun(models.Model):
    """One weekly digest: the next one lists the practices first published after ``started_at``."""

    started_at = models.DateTimeField()
    practices = models.PositiveIntegerField(default=0)
    emails = models.PositiveIntegerField(default=0)

    class Meta:
        get_latest_by = "started_at"


class Follow(models.Model):
    """A member follows a practice: every language version of it (its translation key)."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="follows")
    translation_key = models.UUIDField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["member", "translation_key"], name="alerts_follow_once")]
        indexes = [models.Index(fields=["translation_key"])]


class PublishedState(models.Model):
    """What a practice page said when it was last published, to tell a substantial update
    (results, summary or lifecycle stage) from minor edits at its next publication."""

    page = models.OneToOneField(PracticePage, on_delete=models.CASCADE, related_name="+", primary_key=True)
    summary = models.TextField(blank=True)
    results = models.TextField(blank=True)
    lifecycle_stage = models.CharField(max_length=20, blank=True)


class Selection(models.Model):
    """A member's named list of practices (exported as a PDF dossier)."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="selections")
    name = models.CharField(_("name"), max_length=150)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("selection")
        verbose_name_plural = _("selections")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class SelectionItem(models.Model):
    selection = models.ForeignKey(Selection, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(PracticePage, on_delete=models.CASCADE, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["selection", "page"], name="alerts_selection_item_once")]
