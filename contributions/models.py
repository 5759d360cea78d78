"""A member's submission: the practice as they write it, step by step, before and during review.

``data`` holds what the steps collected (JSON: text, ids of terms and of the reference
territory); once submitted, ``page`` is the draft practice built from it, under ``lab`` (or the
network's inbox). The submission is never indexed, listed publicly or exported: only its
authors, and the editors through the admin, see it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from praxis.licences import Licence


class Submission(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        PUBLISHED = "published", _("Published")

    member = models.ForeignKey(
        "members.Member",
        verbose_name=_("submitted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    coauthors = models.ManyToManyField(
        "members.Member", verbose_name=_("co-authors"), blank=True, related_name="coauthored_submissions"
    )
    language = models.CharField(_("language"), max_length=8)
    data = models.JSONField(_("content"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    lab = models.ForeignKey(
        "labs.LabPage",
        verbose_name=_("lab"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("practice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    managed_by_network_team = ("view",)  # praxis.services.editorial: the admin listing

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title or str(_("Untitled practice"))

    @property
    def title(self) -> str:
        return self.data.get("title", "")

    @property
    def editable(self) -> bool:
        return self.status != self.Status.PUBLISHED

    def authors(self):
        return [self.member, *self.coauthors.all()] if self.member else list(self.coauthors.all())


class SubmissionFile(models.Model):
    """A document uploaded with a submission: a Wagtail document in the lab's collection,
    served to nobody but the authors and editors until the practice is published."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    licence = models.CharField(_("licence"), max_length=24, choices=Licence.choices, default=Licence.ETALAB)
    published = models.BooleanField(_("published"), default=False)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("submitted document")
        verbose_name_plural = _("submitted documents")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.title
