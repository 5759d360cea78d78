"""Abstract models for what labs, programmes and practices share: a place on the map, a
contact person, a date of last verification, an identifier from an imported spreadsheet,
a period in years."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from praxis.validation import (
    YEAR_VALIDATORS,
    add_error,
    check_year_range,
    collect_errors,
    validate_latitude,
    validate_longitude,
)

STALE_AFTER_DAYS = 548  # 18 months


class Located(models.Model):
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[validate_latitude],
        help_text=_("Decimal degrees, e.g. 48.5839 for Strasbourg."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[validate_longitude],
        help_text=_("Decimal degrees, e.g. 7.7455 for Strasbourg."),
    )

    class Meta:
        abstract = True

    def coordinate_errors(self) -> dict:
        """The missing half of a coordinate pair, if only one was given."""
        if (self.latitude is None) == (self.longitude is None):
            return {}
        missing = "longitude" if self.longitude is None else "latitude"
        return {missing: [_("Give both latitude and longitude, or neither.")]}

    def clean(self):
        errors = collect_errors(super().clean)
        for field_name, messages in self.coordinate_errors().items():
            for message in messages:
                add_error(errors, field_name, message)
        if errors:
            raise ValidationError(errors)

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None


class Contact(models.Model):
    """Someone a peer can ask; the email is shown only to signed-in staff
    (``praxis.services.access``), never exported, never in the API."""

    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_role = models.CharField(_("contact's role"), max_length=200, blank=True)
    contact_email = models.EmailField(
        _("contact email"), blank=True, help_text=_("Shown only to signed-in staff, never to the public.")
    )

    class Meta:
        abstract = True


class Verified(models.Model):
    last_verified = models.DateField(
        _("last verified"), null=True, blank=True, help_text=_("When someone last checked this page against reality.")
    )

    class Meta:
        abstract = True

    @property
    def is_stale(self) -> bool:
        """Never checked, or not in the last 18 months."""
        if self.last_verified is None:
            return True
        return (timezone.localdate() - self.last_verified).days > STALE_AFTER_DAYS

    @staticmethod
    def stale_condition() -> Q:
        """``is_stale`` as a database filter."""
        limit = timezone.localdate() - timedelta(days=STALE_AFTER_DAYS)
        return Q(last_verified__isnull=True) | Q(last_verified__lt=limit)


class Imported(models.Model):
    external_id = models.CharField(
        _("external identifier"),
        max_length=100,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("Stable identifier from an imported spreadsheet; re-imports update the same page."),
    )

    class Meta:
        abstract = True


class Period(models.Model):
    """A start and an end year (programmes, practices); the end cannot come before the start."""

    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True, validators=YEAR_VALIDATORS, help_text=_("Leave empty while it goes on.")
    )

    class Meta:
        abstract = True

    def clean(self):
        errors = collect_errors(super().clean)
        check_year_range(errors, self.start_year, self.end_year)
        if errors:
            raise ValidationError(errors)
