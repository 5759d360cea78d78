"""Validation shared by the content models: report every problem at once, year ranges,
coordinates."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]


def collect_errors(check) -> dict:
    """Run ``check`` (e.g. ``super().clean``) and return its errors as a dict, so that a
    ``clean`` method can report every problem at once instead of stopping at the first."""
    try:
        check()
    except ValidationError as error:
        return error.update_error_dict({})
    return {}


def add_error(errors: dict, field_name: str | None, message) -> None:
    errors.setdefault(field_name or NON_FIELD_ERRORS, []).append(message)


def check_year_range(errors: dict, start_year, end_year) -> None:
    """An end year before the start year (programmes, practices): reported on the end year."""
    if start_year and end_year and end_year < start_year:
        add_error(errors, "end_year", _("The end year cannot be before the start year."))


def validate_latitude(value):
    if value is not None and not -90 <= value <= 90:
        raise ValidationError(_("Latitude must be between -90 and 90."))


def validate_longitude(value):
    if value is not None and not -180 <= value <= 180:
        raise ValidationError(_("Longitude must be between -180 and 180."))
