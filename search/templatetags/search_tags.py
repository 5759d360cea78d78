"""Template helpers of the search page and the "similar practices" block."""

from django import template
from wagtail.models import Locale

from search.services.highlight import highlight as highlight_terms

register = template.Library()

TERM_RELATIONS = (("policy_area", "policy_areas"), ("territory_type", "territory_types"), ("instrument", "instruments"))


@register.filter
def highlight(text, terms):
    """``{{ practice.summary|highlight:params.terms }}``: escaped text with the terms in ``<mark>``."""
    return highlight_terms(text, terms)


@register.simple_tag
def search_terms_of(practice):
    """``(parameter, vocabulary label, term)`` for the practice's prefetched terms."""
    found = []
    for parameter, relation in TERM_RELATIONS:
        label = practice._meta.get_field(relation).verbose_name
        found.extend((parameter, label, term) for term in getattr(practice, relation).all())
    return found


@register.simple_tag
def term_query(params, parameter, slug):
    """The current search narrowed to one more term (kept if already chosen)."""
    values = list(params.selected(parameter))
    if slug not in values:
        values.append(slug)
    return params.querydict(**{parameter: values}).urlencode()


@register.inclusion_tag("search/includes/similar_practices.html", takes_context=True)
def similar_practices(context, practice, limit=4):
    """``{% similar_practices page %}`` on a practice page."""
    from search.services.similar import similar_practices as find_similar

    return {"similar": find_similar(practice, context.get("request"), limit), "active_locale": Locale.get_active()}
