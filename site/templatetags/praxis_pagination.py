"""Links between the pages of a listing that keep what the reader chose (filters, words,
the language toggle): ``{% page_query number %}``, used by ``includes/pagination.html``."""

from django import template
from django.http import QueryDict

from praxis.services.language import OWN_LANGUAGE_PARAMETER

register = template.Library()


@register.simple_tag(takes_context=True)
def page_query(context, number, query=None):
    """The current request's query string with only ``page`` replaced by ``number``
    (page 1 carries no ``page``). ``query``: the listing's own reading of its parameters
    (the search's canonical query, without empty or unknown values), used instead of the raw
    request; the site-wide "only my language" choice is kept either way."""
    request = context.get("request")
    raw = request.GET if request is not None else QueryDict()
    if not isinstance(query, QueryDict):  # not given (an unset template variable is "")
        query = raw.copy()
    else:
        query = query.copy()
        if OWN_LANGUAGE_PARAMETER in raw:
            query[OWN_LANGUAGE_PARAMETER] = raw[OWN_LANGUAGE_PARAMETER]
    if int(number) > 1:
        query["page"] = str(number)
    else:
        query.pop("page", None)
    return query.urlencode()
