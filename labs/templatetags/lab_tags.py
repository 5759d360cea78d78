"""What labs show on pages they do not own: the network section of the home page."""

from django import template

from labs import services
from labs.home import labs_by_country

register = template.Library()


@register.inclusion_tag("labs/includes/home_network.html")
def home_lab_network():
    """``{% home_lab_network %}``: labs by country, on the home page."""
    return labs_by_country()


@register.simple_tag(takes_context=True)
def lab_directory_page(context, labs):
    """``{% lab_directory_page lab_listing as labs_page %}``: the requested page of the directory."""
    return services.labs_page(labs, context["request"])
