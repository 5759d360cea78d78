"""Links between the pages of a listing that keep what the reader chose (filters, words,
the language toggle): ``{% page_query number %}``, used by ``includes/pagination.html``."""

from django import template
from django.http import QueryDict

register = template.Library()


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """The current request's query string with only ``page`` replaced by ``number``
    (page 1 carries no ``page``)."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else QueryDict(mutable=True)
    if int(number) > 1:
        query["page"] = str(number)
    else:
        query.pop("page", None)
    return query.urlencode()
