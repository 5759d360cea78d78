"""The practice search: text, facets, sorting and pagination, in a fixed number of queries.

1. The scope (``found``): live, public practices the reader can read (their language, else
   the original) whose text matches (``scope.readable_pages``, the text match as a subquery
   or an id list; or the readable ids kept and the match's list, intersected).
2. Every facet's counts, the total, and the page of results in order (or, to rank by
   relevance, the result ids): counted in memory when the scope is a list of ids
   (``tally``), else in one statement over the scope (``facts.search_facts``).
3. For relevance, the backend ranks the results and returns one page.
4. That page's practices, fetched with their card data.

The number of queries does not grow with the number of results or facet values. The
answer (steps 1 to 3: the counts, the total, the page's ids, the labs matching the text)
is kept until published content changes (``search.services.kept``): a search asked again
only fetches its cards, labels its facets and renders. Those are deferred (``Deferred``):
the search page keeps its rendered region too (``region_key``), and a region found kept
loads neither cards nor facets nor labs.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from wagtail.models import Locale

from labs.models import LabPage
from practices.models import PracticePage
from praxis.visibility import link_fields
from search.services import tally, zero_results
from search.services.backend import text_match
from search.services.cards import result_cards
from search.services.facet_groups import facet_groups
from search.services.facets import TAXONOMIES, Vocabulary, selection
from search.services.facts import Facts, search_facts
from search.services.found import Scope, practice_scope
from search.services.kept import (
    KeptPage,
    keep_counts,
    keep_ids,
    keep_page,
    kept_counts,
    kept_ids,
    kept_page,
    kept_vocabulary,
    region_vary,
)
from search.services.params import SearchParams
from search.services.scope import readable_pages
from territories.models import Territory
from territories.reader import get_reader_territory
from territories.similarity import explain

PER_PAGE = 20
LABS_SHOWN = 5
LAB_RESULT_FIELDS = ("acronym", "summary", "host_institution", "city", "country")  # search/includes/lab_result.html


class Deferred(Sequence):
    """The list ``compute()`` returns, computed when first read (never, when the rendered
    region that shows it is kept)."""

    def __init__(self, compute):
        self._compute, self._items = compute, None

    @property
    def items(self) -> list:
        if self._items is None:
            self._items, self._compute = list(self._compute()), None
        return self._items

    def __getitem__(self, index):
        return self.items[index]

    def __len__(self):
        return len(self.items)

    def __eq__(self, other):
        return self.items == list(other) if isinstance(other, Sequence) else NotImplemented

    def __repr__(self):
        return f"Deferred({self.items!r})"


@dataclass
class SearchOutcome:
    params: SearchParams
    page: PaginatorPage  # its cards are ``Deferred``
    total: int
    facets: Sequence = field(default_factory=list)  # ``Deferred`` when asked for
    labs: Sequence = field(default_factory=list)  # ``Deferred`` when asked for
    notices: list[str] = field(default_factory=list)
    degraded: bool = False  # the primary backend failed: results may be incomplete
    locale: Locale | None = None
    territory: Territory | None = None  # the reader's
    # What the rendered results and facets depend on (``kept.region_vary``), None when they
    # must not be kept (a fallback backend answered).
    region_key: list | None = None

    @property
    def results(self):
        return self.page.object_list


def facts_for(request, params, locale, chosen, *, start, stop, with_counts, total=None) -> tuple[Facts, Scope]:
    """The facts of the search, and its scope. ``total``: already known (kept with the counts)."""
    scope = practice_scope(request, params, locale)
    return facts_over(
        scope, request, params, chosen, start=start, stop=stop, with_counts=with_counts, total=total
    ), scope


def facts_over(scope: Scope, request, params, chosen, *, start, stop, with_counts, total=None) -> Facts:
    """The facts of the search over its scope: counted in memory when its ids are known
    (``tally``), unless the reader's territory narrows it or orders it (or the tally of this
    content version is not built yet, the worker's to build); else by the statement."""
    ranked = ranks(params, scope.match)
    sort = params.effective_sort
    counted = None
    if scope.hits is not None and not scope.narrowed and (ranked or sort != "closest"):
        counted = tally.current(request)
    if counted is not None:
        return counted.facts(
            scope.hits, chosen, sort, ranked=ranked, start=start, stop=stop, with_counts=with_counts, total=total
        )
    return search_facts(
        scope.pages,
        chosen,
        params,
        ranked=ranked,
        start=start,
        stop=stop,
        with_counts=with_counts,
        few=scope.few,
        territory=get_reader_territory(request) if sort == "closest" else None,
        total=total,
    )


def ranks(params: SearchParams, match) -> bool:
    return match is not None and params.effective_sort == "relevance"


def page_ids(facts: Facts, params: SearchParams, match, start, stop) -> list[int]:
    if ranks(params, match):
        return [pk for pk, _score in match.ranked(facts.result_ids, start, stop)]
    return facts.page_ids


def matching_lab_ids(request, params: SearchParams, locale) -> tuple[list[int], bool]:
    """Labs whose name, institution, place or methods match (shown after the practices on
    page 1), best first, and whether a fallback backend answered."""
    if not params.terms:
        return [], False
    match, degraded = text_match(LabPage, params.terms)
    # The labs the reader can read (a few hundred): the backend matches and ranks among
    # them in one statement.
    scope = readable_pages(LabPage, request, locale)
    if params.selected("country"):
        scope = scope.filter(pk__in=LabPage.objects.filter(country__in=params.selected("country")).values("pk"))
    return [pk for pk, _score in match.ranked(scope, 0, LABS_SHOWN)], degraded


def labs_by_id(ids) -> list[LabPage]:
    """The labs ``ids``, in that order, with what a lab result shows (one query)."""
    if not ids:
        return []
    labs = LabPage.objects.filter(pk__in=list(ids)).select_related("locale").only(*link_fields(), *LAB_RESULT_FIELDS)
    by_id = {lab.pk: lab for lab in labs}
    return [by_id[pk] for pk in ids if pk in by_id]


def result_ids(request, params: SearchParams, limit: int) -> list[int]:
    """The ids of the first ``limit`` results, in the page's order (for exports), kept like
    the pages of the search (``search.services.kept``)."""
    locale = Locale.get_active()
    params, territory = replace(params, page=1), get_reader_territory(request)
    ids = kept_ids(request, params, territory, locale, limit)
    if ids is not None:
        return list(ids)
    chosen = selection(params, Vocabulary.load([name for name in TAXONOMIES if params.selected(name)]))
    facts, scope = facts_for(request, params, locale, chosen, start=0, stop=limit, with_counts=False)
    ids = page_ids(facts, params, scope.match, 0, limit)
    if not scope.degraded:
        keep_ids(request, params, territory, locale, limit, ids)
    return ids


def territory_choices(params: SearchParams, territory) -> tuple[SearchParams, list[str]]:
    """Without a territory of their own, the reader's "closest" sort and "like mine" filter
    are dropped, and they are told why."""
    if territory is not None:
        return params, []
    notices = []
    if params.sort == "closest":
        notices.append(_("Say where you work to sort by closeness to your territory: newest first meanwhile."))
        params = replace(params, sort="")
    if params.like_mine:
        notices.append(_("Say where you work to see the practices of territories like yours: all are shown."))
        params = replace(params, like_mine=False)
    return params, notices


def run_search(
    request, params: SearchParams, *, per_page=None, with_facets=True, with_labs=True, locale=None
) -> SearchOutcome:
    """The page of results asked for, its notices, and (``with_facets``) the facet panel and
    (``with_labs``) the labs matching the text on page 1. A search answered before for the same
    content (``search.services.kept``) runs no text match and no statement over the catalogue:
    only its cards, facet labels and labs are read."""
    per_page = per_page or PER_PAGE
    locale = locale or Locale.get_active()
    vocabulary = kept_vocabulary(request)  # facets, filters and the cards' terms
    chosen = selection(params, vocabulary)
    notices = [*params.ignored, *chosen.notices]
    territory = get_reader_territory(request)
    params, territory_notices = territory_choices(params, territory)
    notices += territory_notices
    if params.q and not params.terms:
        notices.append(
            _("Your search contained no word we can look for (only signs or symbols): all practices are shown.")
        )
    found = kept_page(request, params, territory, locale, per_page)
    counts = kept_counts(request, params, territory, locale) if with_facets else None
    degraded, looked_up = False, False
    if found is None or (with_facets and counts is None):
        found, counts, degraded = answer(request, params, locale, chosen, territory, per_page, with_facets, counts)
        looked_up = True
    if with_labs and found.number == 1 and found.lab_ids is None:
        lab_ids, labs_degraded = matching_lab_ids(request, params, locale)
        found = replace(found, lab_ids=tuple(lab_ids))
        degraded, looked_up = degraded or labs_degraded, True
    if looked_up and not degraded:
        keep_page(request, params, territory, locale, per_page, found)
    if found.no_words:
        zero_results.record(" ".join(params.terms), locale.language_code)
    if found.number != params.page:  # past the end: the last page is shown
        notices.append(
            _("There is no page %(number)s: showing page %(last)s.") % {"number": params.page, "last": found.number}
        )
    paginator = Paginator(range(found.total), per_page, allow_empty_first_page=True)
    page = PaginatorPage(
        Deferred(lambda: cards(found.ids, locale, vocabulary, request, territory)), found.number, paginator
    )

    outcome = SearchOutcome(
        params=params,
        page=page,
        total=found.total,
        notices=notices,
        degraded=degraded,
        locale=locale,
        territory=territory,
        region_key=None if degraded else region_vary(request, params, territory, locale, per_page, notices),
    )
    if with_facets:
        outcome.facets = Deferred(lambda: facet_groups(params, counts[0], vocabulary, chosen, locale, request))
    if with_labs and found.number == 1:
        outcome.labs = Deferred(lambda: labs_by_id(found.lab_ids))
    return outcome


def cards(ids, locale, vocabulary, request, territory) -> list[PracticePage]:
    """The page's practices with their card data, and what makes them close to the reader's territory."""
    practices = result_cards(list(ids), locale, vocabulary, request)
    for practice in practices:  # always set: a missing attribute costs the template a dir() of the page (0.1 ms)
        other = practice.reference_territory if territory is not None else None
        practice.closeness_reasons = explain(territory, other) if other is not None else []
    return practices


def answer(request, params, locale, chosen, territory, per_page, with_facets, counts):
    """The page of results found in the catalogue (the counts too when they were not kept):
    ``(page, (counts, total) or None, degraded)``; what was found is kept unless degraded."""
    number = params.page
    scope = practice_scope(request, params, locale)
    match = scope.match
    facts = facts_over(
        scope,
        request,
        params,
        chosen,
        start=(number - 1) * per_page,
        stop=number * per_page,
        with_counts=with_facets and counts is None,
        total=counts[1] if counts else None,
    )
    if with_facets and counts is None:
        counts = (facts.counts, facts.total)
        if not scope.degraded:
            keep_counts(request, params, territory, locale, *counts)
    total = counts[1] if counts else facts.total
    no_words = bool(params.terms) and not total and not scope.pages.exists()  # no practice has these words
    # Pagination: a page past the end shows the last one.
    last = max(1, -(-total // per_page))
    if number > last:
        number = last
        if not ranks(params, match):  # the page asked for was past the end: fetch the last one
            last_page = facts_over(
                scope,
                request,
                params,
                chosen,
                start=(last - 1) * per_page,
                stop=last * per_page,
                with_counts=False,
                total=total,
            )
            facts.page_ids = last_page.page_ids  # the counts stay those computed above
    ids = page_ids(facts, params, match, (number - 1) * per_page, number * per_page)
    return KeptPage(number=number, ids=tuple(ids), total=total, no_words=no_words), counts, scope.degraded
