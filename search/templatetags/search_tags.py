"""Template helpers of the search page, the "similar practices" block and the practice index."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify
from wagtail.models import Locale

from praxis.services.language import only_own_language
from praxis.visibility import active_locale
from search.services.highlight import highlight as highlight_terms
from search.services.kept import REGION, kept
from search.services.listing import practice_index_page
from search.services.params import parse
from search.services.similar import similar_practices as find_similar

register = template.Library()

TERM_RELATIONS = (("policy_area", "policy_areas"), ("territory_type", "territory_types"), ("instrument", "instruments"))


class KeptRegionNode(template.Node):
    def __init__(self, nodelist, key, vary_on):
        self.nodelist, self.key, self.vary_on = nodelist, key, vary_on

    def render(self, context):
        key = self.key.resolve(context)
        if not key:
            return self.nodelist.render(context)
        vary = [*key, *(str(value.resolve(context)) for value in self.vary_on)]
        return kept(context.get("request"), REGION, vary, lambda: self.nodelist.render(context))


@register.tag
def keptregion(parser, token):
    """``{% keptregion search.region_key [vary_on ...] %}...{% endkeptregion %}``: the search's
    rendered facets and results, kept for the current content version only (never an older
    one: ``search.services.kept``) under the search's ``region_key`` and what else the region
    shows per reader (``vary_on``: whether they are a member). Rendered each time when the
    key is None (a fallback backend answered) or for a preview."""
    nodelist = parser.parse(("endkeptregion",))
    parser.delete_first_token()
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs the search's region key.")
    return KeptRegionNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]])


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
def facet_values(group, values, none_yet):
    """``{% facet_values group group.values none_yet %}``: one checkbox per value, each with its
    count (0 marked for screen readers). Written here rather than as an included template:
    a search page shows about 260 values (every lab with results): with an include per value
    the facet panel took 13 ms to render, with this tag 6 ms (``make bench-search`` data)."""
    return format_html_join(
        "",
        '<li class="facet-value{}"><input type="checkbox" id="{}" name="{}" value="{}"{}> '
        '<label for="{}">{} {}</label></li>',
        (_facet_value_cells(group.name, value, none_yet) for value in values),
    )


def _facet_value_cells(name: str, value, none_yet) -> tuple:
    dom_id = f"facet-{name}-{slugify(value.value)}"
    empty = " facet-value--empty" if value.is_empty else ""
    checked = " checked" if value.selected else ""
    return (empty, dom_id, name, value.value, checked, dom_id, value.label, facet_count(value, none_yet))


@register.simple_tag
def facet_count(value, none_yet):
    """``{% facet_count value none_yet %}``: how many practices choosing ``value`` would give
    (0 marked for screen readers)."""
    if value.is_empty:
        return format_html(
            '<span class="facet-value__count facet-value__count--empty">0<span class="visually-hidden"> {}</span></span>',
            none_yet,
        )
    return format_html('<span class="facet-value__count">{}</span>', value.count)


@register.simple_tag(takes_context=True)
def term_query(context, params, parameter, slug):
    """The current search narrowed to one more term (kept if already chosen). The results
    of a page share most of their terms: each link is built once per request."""
    request = context.get("request")
    built = request.__dict__.setdefault("_praxis_term_queries", {}) if request is not None else {}
    key = (id(params), parameter, slug)
    if key not in built:
        values = list(params.selected(parameter))
        if slug not in values:
            values.append(slug)
        built[key] = params.querydict(**{parameter: values}).urlencode()
    return built[key]


@register.inclusion_tag("search/includes/similar_practices.html", takes_context=True)
def similar_practices(context, practice, limit=4):
    """``{% similar_practices page %}`` on a practice page."""

    return {"similar": find_similar(practice, context.get("request"), limit), "active_locale": Locale.get_active()}


@register.simple_tag(takes_context=True)
def listing_key(context):
    """``{% listing_key as key %}``: what a listing of practices varies on, besides site,
    language and content version: its canonical parameters (unknown or empty ones dropped,
    the page number kept) and the reader's "only my language" choice."""
    request = context["request"]
    return f"{parse(request.GET).querydict(drop_page=False).urlencode()}|{int(only_own_language(request))}"


@register.simple_tag(takes_context=True)
def listing_query(context):
    """``{% listing_query as query %}``: the listing's canonical parameters (for its page
    links: a cached listing never repeats a parameter only its first reader sent)."""
    return parse(context["request"].GET).querydict()


@register.simple_tag(takes_context=True)
def practice_index_listing(context, index_page):
    """``{% practice_index_listing page as practices %}``: the practice index's cards, listed by
    the search engine."""
    locale = context.get("active_locale") or active_locale(index_page)
    return practice_index_page(context["request"], locale)
