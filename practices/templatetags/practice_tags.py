"""Template helpers for practice pages (labels of stored choice codes, search links) and the
practices other pages show: a lab's, a programme's, the home page's sections."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

from practices.choices import DocumentType, TranspositionOutcome
from practices.services import listing
from practices.services.home import home_sections
from praxis.licences import Licence
from praxis.visibility import active_locale

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


def _reader_locale(context, page):
    return context.get("active_locale") or active_locale(page)


@register.simple_tag(takes_context=True)
def lab_practices(context, lab):
    """``{% lab_practices page as practices %}``: a page of the lab's practice cards (``?page=``)."""
    return listing.lab_practices(lab, context["request"], _reader_locale(context, lab))


@register.simple_tag(takes_context=True)
def programme_practices(context, programme):
    """``{% programme_practices page as practices %}``: the programme's practices, by title."""
    return listing.programme_practices(programme, context["request"], _reader_locale(context, programme))


@register.inclusion_tag("practices/includes/home_sections.html", takes_context=True)
def home_practice_sections(context):
    """``{% home_practice_sections %}``: entry points by theme and territory, latest and most
    transposed practices."""
    request = context["request"]
    return {**home_sections(request), "request": request}
