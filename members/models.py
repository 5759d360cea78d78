"""A member is a signed-up reader (a public servant, usually); editors can be members too.

The account itself is Django's user (email as login, through django-allauth); the profile and
the trust status live here. Members never get access to the Wagtail admin through this model.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from territories.models import Territory

# An INSEE municipality code: five characters, digits, or 2A/2B then three digits (Corsica).
INSEE_CODE = RegexValidator(
    r"^(\d{5}|2[AB]\d{3})$", _("An INSEE code has five characters: digits, or 2A/2B followed by three digits.")
)


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
    # Free text, and the reference territory when the code (or the reader's choice) names one:
    # "Territories like mine" reads it for a signed-in member (territories.reader).
    territory = models.ForeignKey(
        Territory,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reference territory"),
    )
    territory_name = models.CharField(_("territory"), max_length=200, blank=True)
    territory_code = models.CharField(
        _("INSEE code"),
        max_length=5,
        blank=True,
        validators=[INSEE_CODE],
        help_text=_("Optional: the official code of your municipality (5 characters, e.g. 67482 or 2A004)."),
    )
    email_notifications = models.BooleanField(
        _("email notifications"),
        default=True,
        help_text=_("Untick to stop every alert, digest and follow email at once (relayed messages still arrive)."),
    )
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    decided_at = models.DateTimeField(_("approved or refused"), null=True, blank=True)

    # praxis.services.editorial: the network team reviews members (approves, refuses), never adds them.
    managed_by_network_team = ("view", "change")

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


DOMAIN_PATTERN = re.compile(r"^(\*\.)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", re.IGNORECASE)


def validate_domain_pattern(value: str) -> None:
    """A domain (``paris.fr``) or its subdomains (``*.gouv.fr``); a wildcard needs two labels
    after it, so ``*.fr`` (every French address) is refused."""
    if not DOMAIN_PATTERN.match(value):
        raise ValidationError(_("Enter a domain such as paris.fr, or *.gouv.fr for all its subdomains."))
    if value.startswith("*.") and value.count(".") < 2:
        raise ValidationError(_("A wildcard must keep at least two labels after it (*.gouv.fr, not *.fr)."))


class PublicBodyDomain(models.Model):
    """A domain of public bodies: members whose verified address is on it are approved at once."""

    pattern = models.CharField(
        _("domain"),
        max_length=253,
        unique=True,
        validators=[validate_domain_pattern],
        help_text=_("paris.fr matches that domain only; *.gouv.fr matches every subdomain of gouv.fr."),
    )
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("Whose domain it is."))

    managed_by_network_team = True  # praxis.services.editorial: the network team edits the list

    class Meta:
        verbose_name = _("public body domain")
        verbose_name_plural = _("public body domains")
        ordering = ["pattern"]

    def __str__(self):
        return self.pattern

    def save(self, *args, **kwargs):
        self.pattern = self.pattern.strip().lower()
        super().save(*args, **kwargs)

    def matches(self, domain: str) -> bool:
        domain = domain.lower()
        if self.pattern.startswith("*."):
            return domain.endswith(self.pattern[1:])
        return domain == self.pattern


class RelayMessage(models.Model):
    """A message a member wrote to a page's team through the site (the log the network team reads).

    The member's and the team's addresses are not stored here: they are read from the member's
    account and the page when the emails are sent, so deleting an account leaves no address."""

    member = models.ForeignKey(
        Member,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="relay_messages",
        verbose_name=_("member"),
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("page")
    )
    page_title = models.CharField(_("page title"), max_length=255)
    recipient_kind = models.CharField(
        _("sent to"),
        max_length=16,
        choices=[("contact", _("the contact person")), ("editors", _("the lab's editors"))],
    )
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)

    managed_by_network_team = ("view",)  # praxis.services.editorial: a log, read by the network team only

    class Meta:
        verbose_name = _("relayed message")
        verbose_name_plural = _("relayed messages")
        ordering = ["-sent_at"]
        indexes = [models.Index(fields=["member", "sent_at"])]

    def __str__(self):
        return self.subject
