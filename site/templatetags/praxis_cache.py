"""``{% contentcache "name" [vary_on ...] %}...{% endcontentcache %}``: a fragment cached until
published content changes (``praxis.services.fragments``).

Wagtail's ``{% wagtailcache %}`` (previews and requestless renders are never cached), with
the site, the active language and the content version always in the key, so no fragment
can forget one, and the timeout from ``PRAXIS_FRAGMENT_CACHE_SECONDS``. Put in a fragment
only what every reader sees: never what depends on the user or the query string.
"""

from django import template
from django.http import QueryDict
from django.template import Variable
from wagtail.templatetags.wagtail_cache import WagtailCacheNode

from praxis.services import fragments
from praxis.services.language import only_own_language

register = template.Library()

SHELL_VAR = "praxis_fragment_shell"


class Timeout:
    """The timeout, read when the fragment is rendered (settings may change in tests)."""

    def resolve(self, context):
        return fragments.timeout()


class ContentCacheNode(WagtailCacheNode):
    def __init__(self, nodelist, fragment_name, vary_on):
        super().__init__(nodelist, Timeout(), fragment_name, [*vary_on, Variable(SHELL_VAR)], None)

    def render(self, context):
        request = context.get("request")
        if not fragments.cacheable(request):
            return self.nodelist.render(context)
        with context.update({SHELL_VAR: fragments.shell_vary(request)}):
            return super().render(context)


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
