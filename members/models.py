"""A member is a signed-up reader (a public servant, usually); editors can be members too.

The account itself is Django's user (email as login, through django-allauth); the profile and
the trust status live here. Members never get access to the Wagtail admin through this model.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Member(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member", verbose_name=_("account")
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    name = models.CharField(_("name"), max_length=150, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=150, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    email_notifications = models.BooleanField(
        _("email notifications"),
        default=True,
        help_text=_("Untick to stop every alert, digest and follow email at once (relayed messages still arrive)."),
    )
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    decided_at = models.DateTimeField(_("approved or refused"), null=True, blank=True)

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return self.name or str(self.user)

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def email(self) -> str:
        return self.user.email
