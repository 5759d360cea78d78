"""The practice search: text, facets, sorting and pagination, in a fixed number of queries.

1. The candidates: live, public practices the reader can read (their language, else
   the original), whose text matches: one query returning ids (``practice_candidates``).
2. One pass over the candidates (``facts.candidate_facts``): which selected facets each
   passes, the results in order, the counts of the column facets.
3. The relation facets (taxonomies, labs) counted in one grouped ``UNION ALL`` query
   over those id lists (``facets.count_relations``).
4. One page of results: ranked by the backend (relevance) or already in order, fetched
   with its card data.

The number of queries does not grow with the number of results or facet values.
"""

from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from wagtail.models import Locale

from labs.models import LabPage
from labs.services import private_section_paths
from practices.models import PracticePage
from practices.services.listing import localize_card_labs, with_card_data
from search.services import zero_results
from search.services.backend import text_match
from search.services.facet_groups import facet_groups
from search.services.facets import TAXONOMIES, Vocabulary, count_relations, selection
from search.services.facts import Facts, candidate_facts
from search.services.params import SearchParams
from search.services.scope import readable_pages, readable_rows

PER_PAGE = 20
LABS_SHOWN = 5
# Long fields a result card never shows: not fetched.
CARD_UNUSED = (
    "problem",
    "actions",
    "results",
    "key_figures",
    "challenges",
    "success_conditions",
    "lessons",
    "partners",
    "prerequisites",
    "core_elements",
    "adaptable_elements",
    "documents",
    "sources",
)


@dataclass
class SearchOutcome:
    params: SearchParams
    page: PaginatorPage
    total: int
    facets: list = field(default_factory=list)
    labs: list = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    degraded: bool = False  # the primary backend failed: results may be incomplete
    locale: Locale | None = None

    @property
    def results(self):
        return self.page.object_list


def public_practices():
    return PracticePage.objects.live().public()


def practice_candidates(request, params: SearchParams, locale) -> tuple[list[tuple], object, bool]:
    """``(pk, first_published_at)`` of the readable practices matching the text, the match
    (or None), and whether a fallback backend answered."""
    match, degraded = None, False
    if params.terms:
        match, degraded = text_match(PracticePage, params.terms)
    rows = readable_rows(PracticePage, request, locale, pk_filter=match.ids_filter() if match else None)
    return rows, match, degraded


def page_ids(facts: Facts, params: SearchParams, match, start, stop) -> list[int]:
    if params.effective_sort == "relevance" and match is not None:
        return [pk for pk, _score in match.ranked(facts.result_ids, start, stop)]
    return facts.result_ids[start:stop]


def practice_page(ids: list[int], locale, request=None) -> list[PracticePage]:
    """The practices of one results page with everything a result card shows."""
    queryset = PracticePage.objects.filter(pk__in=ids).defer(*CARD_UNUSED)
    practices = with_card_data(queryset, private_section_paths(request)).prefetch_related("instruments")
    by_id = {practice.pk: practice for practice in practices}
    ordered = [by_id[pk] for pk in ids if pk in by_id]
    return localize_card_labs(ordered, locale)


def matching_labs(request, params: SearchParams, locale) -> list[LabPage]:
    """Labs whose name, institution, place or methods match (shown after the practices)."""
    if not params.terms:
        return []
    match, _degraded = text_match(LabPage, params.terms)
    scope = readable_pages(LabPage, request, locale, pk_filter=match.ids_filter()).values("pk")
    if params.selected("country"):
        scope = LabPage.objects.filter(pk__in=scope, country__in=params.selected("country"))
    ranked = match.ranked(list(scope.values_list("pk", flat=True)), 0, LABS_SHOWN)
    labs = LabPage.objects.filter(pk__in=[pk for pk, _score in ranked]).select_related("locale")
    by_id = {lab.pk: lab for lab in labs}
    return [by_id[pk] for pk, _score in ranked if pk in by_id]


def result_ids(request, params: SearchParams, limit: int) -> list[int]:
    """The ids of the first ``limit`` results, in the page's order (for exports)."""
    locale = Locale.get_active()
    chosen = selection(params, Vocabulary.load([name for name in TAXONOMIES if params.selected(name)]))
    candidates, match, _degraded = practice_candidates(request, params, locale)
    facts = candidate_facts(candidates, chosen, params, ranked=match is not None)
    return page_ids(facts, params, match, 0, limit)


def run_search(
    request, params: SearchParams, *, per_page=None, with_facets=True, with_labs=True, locale=None
) -> SearchOutcome:
    per_page = per_page or PER_PAGE
    locale = locale or Locale.get_active()
    # Without facets to show, only the vocabularies a filter uses are loaded.
    vocabulary = Vocabulary.load(None if with_facets else [name for name in TAXONOMIES if params.selected(name)])
    chosen = selection(params, vocabulary)
    notices = [*params.ignored, *chosen.notices]
    if params.q and not params.terms:
        notices.append(
            _("Your search contained no word we can look for (only signs or symbols): all practices are shown.")
        )
    candidates, match, degraded = practice_candidates(request, params, locale)
    if params.terms and not candidates:
        zero_results.record(" ".join(params.terms), locale.language_code)

    facts = candidate_facts(candidates, chosen, params, ranked=match is not None)
    total = len(facts.result_ids)
    # Pagination: a page past the end shows the last one, and says so.
    number, last = params.page, max(1, -(-total // per_page))
    if number > last:
        notices.append(_("There is no page %(number)s: showing page %(last)s.") % {"number": number, "last": last})
        number = last
    ids = page_ids(facts, params, match, (number - 1) * per_page, number * per_page)
    paginator = Paginator(range(total), per_page, allow_empty_first_page=True)
    page = PaginatorPage(practice_page(ids, locale, request), number, paginator)

    outcome = SearchOutcome(params=params, page=page, total=total, notices=notices, degraded=degraded, locale=locale)
    if with_facets:
        counts = {**facts.counts, **count_relations(facts.result_ids, facts.ids_by_facet)}
        outcome.facets = facet_groups(params, counts, vocabulary, chosen, locale, request)
    if with_labs and number == 1:
        outcome.labs = matching_labs(request, params, locale)
    return outcome
