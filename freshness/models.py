"""What freshness keeps: each practice's reminders (one row per translation group) and every
"still accurate" answer (who confirmed which practice, when)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


class Reminder(models.Model):
    """The reminders about one practice (its translation group) for the verification date it
    had when they started (``verified_on``): when that date changes, a new round begins.

    A round's one-click links carry its ``nonce``; answering replaces it, so a link works once.
    """

    class Answer(models.TextChoices):
        ACCURATE = "accurate", _("still accurate")
        UPDATE = "update", _("needs an update")

    translation_key = models.UUIDField(unique=True)
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("practice"))
    verified_on = models.DateField(_("verification date reminded of"), null=True, blank=True)
    sent_count = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    first_sent_at = models.DateTimeField(_("first reminder"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("last reminder"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("network team told"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answer = models.CharField(_("answer"), max_length=16, choices=Answer.choices, blank=True)
    answered_by = models.EmailField(_("answered by"), blank=True)
    nonce = models.CharField(max_length=32, default=new_nonce, editable=False)

    class Meta:
        verbose_name = _("freshness reminder")
        verbose_name_plural = _("freshness reminders")

    def __str__(self):
        return f"{self.translation_key} ({self.sent_count})"


class Verification(models.Model):
    """Someone confirmed a practice still accurate (a one-click answer)."""

    translation_key = models.UUIDField(db_index=True)
    page = models.ForeignKey(Page, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("practice"))
    verified_on = models.DateField(_("verified on"))
    created_at = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
    )
    email = models.EmailField(_("verified by"))

    # praxis.services.editorial: the network team reads the record, nobody edits it.
    managed_by_network_team = ("view",)

    class Meta:
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.email} {self.verified_on}"

    @property
    def practice_title(self) -> str:
        return self.page.title if self.page else ""
