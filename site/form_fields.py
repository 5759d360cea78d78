"""Form fields for what people type into the public site's forms (names, subjects, questions,
descriptions): one rule for the characters no text may carry, shared with the query-string
reader (``praxis.params.UNSAFE``: NUL and other controls, surrogates, private use, invalid
UTF-8).

- ``SingleLineField``: a name, a subject, a title. A line break is refused (it could split an
  email header) or, with ``collapse=True``, every control becomes a space and spaces are
  collapsed (a display name, where refusing would only annoy).
- ``ParagraphsField``: free text on several lines. Line breaks and tabs stay (``\\r\\n`` becomes
  ``\\n``); any other control character is refused.
"""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from praxis.params import LINE_CONTROLS, UNSAFE, unsafe_character

NEWLINES = re.compile(r"\r\n?")


def collapsed(value: str) -> str:
    """``value`` on one line: every control or unsafe character becomes a space, spaces collapse."""
    return " ".join(LINE_CONTROLS.sub(" ", UNSAFE.sub(" ", value)).split())


class SingleLineField(forms.CharField):
    default_error_messages = {
        "line_break": _("Write this on a single line."),
        "forbidden": _("This text contains a character that cannot be saved (%(reason)s)."),
    }

    def __init__(self, *args, collapse: bool = False, **kwargs):
        self.collapse = collapse
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if self.collapse and isinstance(value, str):
            value = collapsed(value)
        return super().to_python(value)

    def validate(self, value):
        super().validate(value)
        if not value:
            return
        if LINE_CONTROLS.search(value):
            raise forms.ValidationError(self.error_messages["line_break"], code="line_break")
        reason = unsafe_character(value)
        if reason:
            raise forms.ValidationError(self.error_messages["forbidden"], code="forbidden", params={"reason": reason})


class ParagraphsField(forms.CharField):
    widget = forms.Textarea
    default_error_messages = {
        "forbidden": _("This text contains a character that cannot be saved (%(reason)s)."),
    }

    def to_python(self, value):
        if isinstance(value, str):
            value = NEWLINES.sub("\n", value)
        return super().to_python(value)

    def validate(self, value):
        super().validate(value)
        reason = value and unsafe_character(value)
        if reason:
            raise forms.ValidationError(self.error_messages["forbidden"], code="forbidden", params={"reason": reason})
