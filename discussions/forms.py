"""What members type: a question, an answer, a report; the network team's decision (admin)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from discussions.models import BODY_MAX_CHARS, REASON_MAX_CHARS
from praxis.form_fields import ParagraphsField

BODY_MIN_CHARS = 10


class QuestionForm(forms.Form):
    body = ParagraphsField(
        label=_("Your question"),
        min_length=BODY_MIN_CHARS,
        max_length=BODY_MAX_CHARS,
        help_text=_(
            "Shown under the practice with your name and organisation (never your email address). "
            "Write in the language of this page."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AnswerForm(forms.Form):
    body = ParagraphsField(
        label=_("Your answer"),
        min_length=2,
        max_length=BODY_MAX_CHARS,
        help_text=_("Shown under the question with your name, organisation and role. The asker is told by email."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ReportForm(forms.Form):
    reason = ParagraphsField(
        label=_("Why should the network team look at it?"),
        max_length=REASON_MAX_CHARS,
        help_text=_("For instance: insulting, advertising, personal data, off topic."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
