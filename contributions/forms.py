"""The forms of the guided submission: one per step, built from ``FIELDS``; every field is
optional while the member writes (the completeness indicator and the final check say what is
missing); text goes through ``praxis.form_fields``."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from contributions.uploads import file_kind
from practices.choices import BudgetRange, Duration, EvidenceLevel, LegalCompetence, LifecycleStage, StaffTime
from praxis.form_fields import ParagraphsField, SingleLineField
from praxis.licences import Licence
from taxonomy.models import Instrument, Method, PolicyArea, TerritoryType

LONG_TEXT = 10_000
FIGURE_SEPARATORS = (" — ", " – ", " - ", ":")


def _text(label, help_text="", max_length=LONG_TEXT):
    return lambda: ParagraphsField(label=label, help_text=help_text, required=False, max_length=max_length)


def _line(label, help_text="", max_length=200):
    return lambda: SingleLineField(label=label, help_text=help_text, required=False, max_length=max_length)


def _choice(label, choices):
    return lambda: forms.ChoiceField(label=label, choices=[("", "—"), *choices], required=False)


def _terms(label, model):
    return lambda: forms.ModelMultipleChoiceField(
        label=label, queryset=model.objects.order_by("name"), required=False, widget=forms.CheckboxSelectMultiple
    )


def _year(label):
    return lambda: forms.IntegerField(label=label, required=False, min_value=1950, max_value=2100)


FIELDS = {
    "title": _line(_("Title"), _("What was done and where, in a few words."), 255),
    "summary": _text(_("Summary"), _("500 characters at most."), 500),
    "problem": _text(_("Problem and context")),
    "actions": _text(_("What was done")),
    "results": _text(_("Results and impact")),
    "key_figures": _text(_("Key figures"), _("One per line: the figure, a dash, what it counts."), 2000),
    "challenges": _text(_("Challenges and failures")),
    "success_conditions": _text(_("Conditions for success")),
    "lessons": _text(_("Lessons")),
    "policy_areas": _terms(_("Policy areas"), PolicyArea),
    "territory_types": _terms(_("Territory types"), TerritoryType),
    "instruments": _terms(_("Instruments"), Instrument),
    "methods": _terms(_("Methods"), Method),
    "lifecycle_stage": _choice(_("Lifecycle stage"), LifecycleStage.choices),
    "evidence_level": _choice(_("Level of evidence"), EvidenceLevel.choices),
    "start_year": _year(_("Start year")),
    "end_year": _year(_("End year")),
    "territory": lambda: SingleLineField(
        label=_("Territory"),
        help_text=_("A name or an INSEE code, e.g. Mulhouse or 68224."),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"list": "territory-suggestions", "autocomplete": "off"}),
    ),
    "country": lambda: forms.ChoiceField(label=_("Country"), choices=list(countries), required=False),
    "population": lambda: forms.IntegerField(label=_("Population"), required=False, min_value=0, max_value=10**10),
    "legal_competence": _choice(_("Legal competence needed"), LegalCompetence.choices),
    "budget_range": _choice(_("Budget"), BudgetRange.choices),
    "staff_time": _choice(_("Staff time"), StaffTime.choices),
    "duration": _choice(_("Duration"), Duration.choices),
    "prerequisites": _text(_("Prerequisites"), _("One per line."), 3000),
    "core_elements": _text(_("Core elements"), _("What must be kept for the practice to work. One per line."), 3000),
    "adaptable_elements": _text(_("Adaptable elements"), _("What each territory can change. One per line."), 3000),
    "contact_name": _line(_("Contact person"), _("Someone a peer can ask about the practice.")),
    "contact_role": _line(_("Their role"), _("Job title and organisation.")),
    "licence": lambda: forms.ChoiceField(label=_("Licence of the text"), choices=Licence.choices, required=False),
}
TERM_FIELDS = ("policy_areas", "territory_types", "instruments", "methods")


def key_figures(text: str) -> list[dict]:
    """``"8 000 — cards issued"`` lines as ``{"value", "label"}`` (a line without a dash is a label)."""
    figures = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        for separator in FIGURE_SEPARATORS:
            if separator in line:
                value, label = line.split(separator, 1)
                figures.append({"value": value.strip()[:40], "label": label.strip()[:160]})
                break
        else:
            figures.append({"value": "", "label": line[:160]})
    return figures


class StepForm(forms.Form):
    """The fields of one step, filled from the submission's data."""

    def __init__(self, step, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in step.fields:
            self.fields[name] = FIELDS[name]()
        self.step = step

    def clean_key_figures(self):
        text = self.cleaned_data.get("key_figures", "")
        for figure in key_figures(text):
            if not figure["value"]:
                raise forms.ValidationError(_("Write each figure, a dash, then what it counts."))
        return text

    def clean(self):
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The end year comes after the start year."))
        return data

    def values(self) -> dict:
        """The cleaned values as JSON-ready data (term ids), only for fields that validated."""
        values = {}
        for name in self.step.fields:
            if name not in self.cleaned_data:
                continue
            value = self.cleaned_data[name]
            values[name] = [term.pk for term in value] if name in TERM_FIELDS else value
        return values


def initial_for(step, data: dict) -> dict:
    return {name: data[name] for name in step.fields if name in data}


class DocumentForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("PDF, office document or image."))
    title = SingleLineField(label=_("Title of the document"), max_length=200)
    licence = forms.ChoiceField(label=_("Licence"), choices=Licence.choices, initial=Licence.ETALAB)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.kind = file_kind(upload)
        return upload


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email address of the co-author"), max_length=254)


class SubmitForm(forms.Form):
    lab = forms.TypedChoiceField(label=_("Where to publish it"), coerce=int, required=False)

    def __init__(self, labs, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lab"].choices = [(lab.pk, lab.title) for lab in labs]
        self.labs = labs
        if not labs:
            del self.fields["lab"]
        else:
            self.fields["lab"].required = True
