"""The lab directory's filters (country, level of government, status) and map points.

A plain GET form: the list works without JavaScript; the map enhances it.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from labs.choices import GovernmentLevel, LabStatus
from praxis.params import Text

# Read by praxis.params before the form: an unknown value is the form's error (shown), an unsafe,
# overlong or repeated one a 400.
DIRECTORY_PARAMETERS = [Text(name, max_length=100) for name in ("country", "level", "status")]


class LabDirectoryFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    level = forms.ChoiceField(
        label=_("Level of government"), required=False, choices=[("", _("All levels")), *GovernmentLevel.choices]
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All statuses")), *LabStatus.choices])

    def __init__(self, data=None, *, available_countries=()):
        super().__init__(data)
        self.fields["country"].choices = [("", _("All countries"))] + sorted(
            ((code, countries.name(code)) for code in available_countries), key=lambda choice: choice[1]
        )

    def applied(self) -> dict:
        """The valid filter values (invalid ones are reported, not applied)."""
        if not self.is_bound:
            return {}
        if not self.is_valid():
            return {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        return self.cleaned_data

    def filter(self, queryset):
        """The labs matching the valid filters."""
        valid = self.applied()
        if valid.get("country"):
            queryset = queryset.filter(country=valid["country"])
        if valid.get("level"):
            queryset = queryset.filter(government_level=valid["level"])
        if valid.get("status"):
            queryset = queryset.filter(status=valid["status"])
        return queryset


def map_points(labs) -> list[dict]:
    """Markers for the labs that have coordinates (JSON-ready)."""
    return [
        {
            "name": lab.title,
            "url": lab.url,
            "lat": float(lab.latitude),
            "lng": float(lab.longitude),
            "place": ", ".join(part for part in (lab.city, countries.name(lab.country)) if part),
            "status": lab.get_status_display(),
        }
        for lab in labs
        if lab.latitude is not None and lab.longitude is not None
    ]
