"""Which pages a reader may find: live, public, one per translation group.

The rule is ``praxis.visibility.readable_translations`` (the reader's language, else the
original; only their language if they asked), applied to the narrow ``Page`` rows of one
page type. A text filter (``pk_filter``) applies to the page the reader would read: a
practice translated into their language is found by its text in their language (one group,
one version, whatever the words), so it is applied after the language rule, not inside it.
"""

from wagtail.models import Page

from praxis.visibility import private_section_paths, public_q, readable_translations


def readable_pages(model, request, locale, *, pk_filter=None):
    """A ``Page`` queryset (narrow rows) of the live, public ``model`` pages the reader can read."""
    readable = Page.objects.live().filter(public_q(private_section_paths(request))).order_by()
    pages = readable_translations(readable.exact_type(model), request, locale, earlier_among=readable)
    if pk_filter is not None:
        pages = pages.filter(pk__among=pk_filter)
    return pages
