"""``{% write_to_team page %}``: the relay's link on a lab or practice page (the lower pages'
templates load it; the relay is the members app's)."""

from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("members/includes/write_to_team.html")
def write_to_team(page):
    """The same link for everyone (anonymous pages are cached): the form page asks to sign in."""
    return {"url": reverse("members:relay_write", args=[page.pk]) if page.pk else ""}
