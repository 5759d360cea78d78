"""The plan's forms: its scalar fields, and one formset per JSON list (every item validated).

Every typed text goes through ``praxis.form_fields`` (one rule for unsafe characters, NUL
included); lengths come from the model (``TITLE_MAX``, ``TEXT_MAX``, ``NOTES_MAX``), the number
of rows from ``ITEMS_MAX`` (more is a form error, never a 500); decisions and states from the
model's choices.
"""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from praxis.form_fields import ParagraphsField, SingleLineField
from transpositions.models import ITEMS_MAX, NOTES_MAX, TEXT_MAX, TITLE_MAX, Collaborator, Plan

SHORT_MAX = 200  # who, when, a partner's name or role


def paragraphs(label, required=False, max_length=TEXT_MAX):
    return ParagraphsField(
        label=label, required=required, max_length=max_length, widget=forms.Textarea(attrs={"rows": 2})
    )


def line(label, required=False, max_length=SHORT_MAX):
    return SingleLineField(label=label, required=required, max_length=max_length)


class CoreElementForm(forms.Form):
    text = paragraphs(_("Core element"), required=True)
    decision = forms.ChoiceField(label=_("Decision"), choices=Plan.Decision.choices, required=False)
    why = paragraphs(_("Why"))


class AdaptableElementForm(forms.Form):
    text = paragraphs(_("Adaptable element"), required=True)
    choice = paragraphs(_("Our choice"))


class PrerequisiteForm(forms.Form):
    text = paragraphs(_("Prerequisite"), required=True)
    state = forms.ChoiceField(label=_("Where it stands"), choices=Plan.Readiness.choices, initial=Plan.Readiness.TO_DO)
    who = line(_("Who"))
    when = line(_("When"))


class RiskForm(forms.Form):
    text = paragraphs(_("Risk"), required=True)
    mitigation = paragraphs(_("How we reduce it"))


class MilestoneForm(forms.Form):
    what = paragraphs(_("Milestone"), required=True)
    when = line(_("When"))
    who = line(_("Who"))


class PartnerForm(forms.Form):
    name = line(_("Partner"), required=True)
    role = paragraphs(_("Their part"))


def list_formset(form_class):
    return forms.formset_factory(
        form_class, extra=1, can_delete=True, max_num=ITEMS_MAX, validate_max=True, absolute_max=ITEMS_MAX + 1
    )


# The plan's lists: field name -> (formset class, heading)
LISTS = {
    "core_elements": (list_formset(CoreElementForm), _("Core elements")),
    "adaptable_elements": (list_formset(AdaptableElementForm), _("Adaptable elements")),
    "prerequisites": (list_formset(PrerequisiteForm), _("Prerequisites")),
    "risks": (list_formset(RiskForm), _("Risks")),
    "milestones": (list_formset(MilestoneForm), _("Milestones")),
    "partners": (list_formset(PartnerForm), _("Local partners")),
}


def items_of(formset) -> list[dict]:
    """The formset's rows as the model stores them (deleted and empty rows left out)."""
    items = []
    for form in formset.forms:
        data = {key: value for key, value in form.cleaned_data.items() if key != "DELETE"}
        if not data or form.cleaned_data.get("DELETE"):
            continue
        items.append({name: data.get(name, "") for name in form.base_fields if name != "DELETE"})
    return items


class PlanForm(forms.Form):
    """The plan's own fields; ``version`` names the version the form was edited from."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    title = line(_("Title"), required=True, max_length=TITLE_MAX)
    status = forms.ChoiceField(label=_("Status"), choices=Plan.Status.choices)
    status_reason = paragraphs(_("Why it was abandoned"))
    cost_ratio = forms.DecimalField(
        label=_("Size ratio"),
        required=False,
        min_value=Decimal("0"),
        max_digits=9,
        decimal_places=4,
        help_text=_("How many times the source's size your territory is (population ratio by default)."),
    )
    price_change = forms.DecimalField(
        label=_("Price change since the source (%)"),
        required=False,
        min_value=Decimal("-99.9"),
        max_digits=6,
        decimal_places=1,
    )
    estimate_assumption = paragraphs(_("Assumption"))
    notes = paragraphs(_("Notes"), max_length=NOTES_MAX)
    notes.widget.attrs["rows"] = 6

    FIELDS = ["title", "status", "status_reason", "cost_ratio", "price_change", "estimate_assumption", "notes"]

    def clean(self):
        data = super().clean()
        if data.get("status") == Plan.Status.ABANDONED and not data.get("status_reason"):
            self.add_error("status_reason", _("Say why the plan was abandoned."))
        return data


class PlanEditor:
    """The plan form and its list formsets, bound together."""

    def __init__(self, plan: Plan, data=None):
        initial = {name: getattr(plan, name) for name in PlanForm.FIELDS} | {"version": plan.version}
        self.form = PlanForm(data, initial=initial)
        self.formsets = {
            name: formset_class(data, initial=getattr(plan, name), prefix=name)
            for name, (formset_class, _heading) in LISTS.items()
        }

    def sections(self):
        return [(name, LISTS[name][1], formset) for name, formset in self.formsets.items()]

    def is_valid(self) -> bool:
        results = [self.form.is_valid()] + [formset.is_valid() for formset in self.formsets.values()]
        return all(results)  # every form validated, so that every error is shown

    @property
    def has_errors(self) -> bool:
        return bool(self.form.errors) or any(f.total_error_count() for f in self.formsets.values())

    def values(self) -> dict:
        values = {name: self.form.cleaned_data[name] for name in PlanForm.FIELDS}
        values.update({name: items_of(formset) for name, formset in self.formsets.items()})
        return values


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Their email address"), max_length=254)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (Collaborator.Role.EDITOR, _("Editor: may edit the plan")),
            (Collaborator.Role.READER, _("Reader: may read it")),
        ],
        initial=Collaborator.Role.EDITOR,
    )

    def __init__(self, *args, plan: Plan, **kwargs):
        self.plan = plan
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if self.plan.collaborators.filter(member__user__email__iexact=email).exists():
            raise forms.ValidationError(_("This person already works on the plan."))
        return email


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=[(Collaborator.Role.EDITOR, _("Editor")), (Collaborator.Role.READER, _("Reader"))])


def readable(plan: Plan) -> dict:
    """The plan's lists for readers: name -> rows of (label, value in words), empty values left out."""
    shown = {}
    for name, (formset_class, _heading) in LISTS.items():
        fields = formset_class.form.base_fields
        rows = []
        for item in getattr(plan, name):
            row = []
            for key, form_field in fields.items():
                value = item.get(key, "")
                choices = dict(getattr(form_field, "choices", None) or [])
                value = choices.get(value, value) if choices else value
                if value:
                    row.append((form_field.label, value))
            rows.append(row)
        shown[name] = rows
    return shown
