"""Template helpers for practice pages: labels of stored choice codes and search links."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

from practices.choices import DocumentType, TranspositionOutcome
from praxis.licences import Licence

register = template.Library()


def _label(choices, value) -> str:
    try:
        return choices(value).label
    except ValueError:
        return value or ""


@register.filter
def document_type_label(value) -> str:
    """The translated label of a document type code (StreamField blocks store the code)."""
    return _label(DocumentType, value)


@register.filter
def licence_label(value) -> str:
    return _label(Licence, value)


@register.filter
def outcome_label(value) -> str:
    return _label(TranspositionOutcome, value)


@register.simple_tag
def term_search_url(parameter: str, slug: str) -> str:
    """The discovery page filtered by one taxonomy term, e.g. ``/fr/search/?policy_area=sante``.

    Empty when the search page is not installed, so terms then render as plain text.
    """
    try:
        base = reverse("search:index")
    except NoReverseMatch:
        return ""
    return f"{base}?{urlencode({parameter: slug})}"
