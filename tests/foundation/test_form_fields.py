"""praxis.form_fields: the characters no typed text may carry, one rule for every form."""

import pytest
from django import forms

from praxis.form_fields import ParagraphsField, SingleLineField


def errors(field, value):
    try:
        field.clean(value)
    except forms.ValidationError as error:
        return [e.code for e in error.error_list]
    return []


@pytest.mark.parametrize("value", ["a\nb", "a\rb", "a\tb"])
def test_a_single_line_refuses_line_breaks(value):
    assert errors(SingleLineField(), value) == ["line_break"]


@pytest.mark.parametrize("value", ["a\x01b", "a\ue000b", "a\ufffdb", "a\x85b"])
def test_a_single_line_refuses_unsafe_characters(value):
    assert errors(SingleLineField(), value) == ["forbidden"]


@pytest.mark.parametrize("field", [SingleLineField(), ParagraphsField()])
def test_a_nul_is_refused_before_any_database_sees_it(field):
    assert errors(field, "a\x00b") == ["forbidden"]


def test_a_collapsed_line_turns_controls_into_spaces():
    assert SingleLineField(collapse=True).clean(" Santé\r\n mentale\x01\ue000 rurale ") == "Santé mentale rurale"


def test_a_single_line_keeps_ordinary_text():
    assert SingleLineField().clean("  Saint-Étienne — l'EHPAD « ouvert »  ") == "Saint-Étienne — l'EHPAD « ouvert »"


def test_paragraphs_keep_line_breaks_and_tabs_and_normalise_them():
    assert ParagraphsField().clean("Un\r\ndeux\rtrois\n\tquatre") == "Un\ndeux\ntrois\n\tquatre"


@pytest.mark.parametrize("value", ["a\x01b", "a\x1bb", "a\ue000b", "a\U000f0000b"])
def test_paragraphs_refuse_other_controls(value):
    assert errors(ParagraphsField(), value) == ["forbidden"]


def test_a_maximum_length_still_applies():
    assert errors(ParagraphsField(max_length=5), "abcdef") == ["max_length"]
