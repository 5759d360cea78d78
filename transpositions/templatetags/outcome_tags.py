"""The practice page's public transposition counts, and the plan page's shared outcome."""

from django import template

from transpositions.services.counts import public_counts

register = template.Library()


@register.inclusion_tag("transpositions/includes/transposition_counts.html")
def transposition_counts(page):
    """``{% transposition_counts page %}``: "N territories are transposing this, M have done it"."""
    return public_counts(page.translation_key)


@register.simple_tag
def plan_outcome(plan):
    """``{% plan_outcome plan as shared %}``: the latest outcome shared for ``plan``, else None."""
    return plan.outcomes.order_by("-submitted_at", "-pk").first()
