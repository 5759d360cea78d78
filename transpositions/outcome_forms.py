"""The form an owner fills to share a plan's outcome (typed text through the one rule for
unsafe characters: ``praxis.form_fields``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from praxis.form_fields import ParagraphsField, SingleLineField
from transpositions.models import TEXT_MAX, Outcome

TERRITORY_MAX = Outcome._meta.get_field("territory_name").max_length


class OutcomeForm(forms.Form):
    territory_name = SingleLineField(
        label=_("Territory shown publicly"),
        max_length=TERRITORY_MAX,
        collapse=True,
        help_text=_("Prefilled from your plan. You may make it more general, e.g. “a département of Auvergne”."),
    )
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.OUTCOMES, widget=forms.RadioSelect)
    kept = ParagraphsField(label=_("What was kept"), required=False, max_length=TEXT_MAX)
    what_changed = ParagraphsField(label=_("What changed"), required=False, max_length=TEXT_MAX)
    result = ParagraphsField(label=_("Result"), required=False, max_length=TEXT_MAX)
    failures = ParagraphsField(label=_("Failures and difficulties"), required=False, max_length=TEXT_MAX)

    def clean(self):
        data = super().clean()
        texts = ("kept", "what_changed", "result", "failures")
        if not self.errors and not any((data.get(name) or "").strip() for name in texts):
            raise forms.ValidationError(_("Say at least what was kept, what changed, the result or what failed."))
        return data
