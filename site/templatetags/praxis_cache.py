"""``{% contentcache "name" [vary_on ...] %}...{% endcontentcache %}``: a fragment cached until
published content changes (``praxis.services.fragments``).

Like Wagtail's ``{% wagtailcache %}`` (previews and requestless renders are never cached),
through ``fragments.cached``: the site, the active language and the content version always
in the key, so no fragment can forget one, the timeout from ``PRAXIS_FRAGMENT_CACHE_SECONDS``,
and the previous version served while the new one is built. Put in a fragment
only what every reader sees: never what depends on the user or the query string.
"""

from django import template
from django.http import QueryDict

from praxis.services import fragments
from praxis.services.language import only_own_language

register = template.Library()


class ContentCacheNode(template.Node):
    def __init__(self, nodelist, fragment_name, vary_on):
        self.nodelist = nodelist
        self.fragment_name = fragment_name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        if not fragments.cacheable(request):
            return self.nodelist.render(context)
        vary = tuple(str(value.resolve(context)) for value in self.vary_on)
        return fragments.cached(request, self.fragment_name, vary, lambda: self.nodelist.render(context))


@register.tag
def contentcache(parser, token):
    nodelist = parser.parse(("endcontentcache",))
    parser.delete_first_token()
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a fragment name.")
    name = bits[1]
    if name[0] == name[-1] and name[0] in "\"'":
        name = name[1:-1]
    return ContentCacheNode(nodelist, name, [parser.compile_filter(bit) for bit in bits[2:]])


@register.simple_tag(takes_context=True)
def page_number_key(context):
    """``{% page_number_key as key %}``: what a listing without other parameters varies on:
    its page number (1 when absent or not a number) and the "only my language" choice."""
    request = context["request"]
    page = request.GET.get("page", "")
    return f"{page if page.isdigit() else 1}|{int(only_own_language(request))}"


@register.simple_tag
def no_parameters():
    """``{% no_parameters as query %}``: the page links of a cached listing that has no
    parameter but its page (the language toggle is kept by ``page_query``)."""
    return QueryDict()
