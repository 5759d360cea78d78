"""A search's scope: the practices the reader may find whose text matches, and the match.

The practices a reader may find are a statement over the page tree (``scope.readable_pages``:
live, public, their language else the original). Their ids are also kept, for the current
content version and each language, language choice and set of private sections
(``kept.kept_readable``: 400 KB at 100,000 practices), once a search without words (the
worker's, after every change) has asked for them. When the match is a list of ids too
(PostgreSQL, Elasticsearch), the scope is the two lists intersected here, not in a statement
that tests every readable practice against the match; and the readable practices the words
miss are known at once (``Scope.outside``: ``complement`` counts from them).

Measured at 100,000 generated practices on PostgreSQL: the readable ids take about 120 ms to
read and a fraction of a millisecond to unpickle; splitting them by a match of 100,000 ids,
about 14 ms, where the statement's scope took about 80 ms each time it was read. A search for
"projet" (99,895 results) no longer reads the readable pages at all: its counts come from
``complement``, its results from ``hits``.
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from wagtail.models import Page

from practices.models import PracticePage
from search.backends.base import IdList, TextMatch
from search.services.backend import matches_are_lists, text_match
from search.services.facets import verified_since_q
from search.services.kept import kept_readable
from search.services.params import SearchParams
from search.services.scope import readable_pages
from territories.reader import get_reader_territory
from territories.similarity import like_mine_q


@dataclass
class Scope:
    pages: QuerySet  # the readable practices matching the text (``Page`` rows), within the reader's territories
    match: TextMatch | None
    degraded: bool  # a fallback backend answered
    # Known in memory (the readable ids kept, the match a list), before the reader's territories:
    hits: list[int] | None = None  # the readable practices the match holds
    outside: list[int] | None = None  # those it does not
    narrowed: bool = False  # the reader's territories narrow ``pages``
    few: bool = False  # ``pages`` is a list of ids the planner counts (``IdList.counted``)


def practice_scope(request, params: SearchParams, locale) -> Scope:
    match, degraded = None, False
    if params.terms:
        within = verified_since_q() if params.verified_recently else None
        match, degraded = text_match(PracticePage, params.terms, within=within)
    ids = match.ids_filter() if match else None
    readable = kept_readable(request, locale, compute=False) if isinstance(ids, IdList) else None
    if readable is None:
        pages, narrowed = like_mine(readable_pages(PracticePage, request, locale, pk_filter=ids), request, params)
        return Scope(pages, match, degraded, narrowed=narrowed)
    held = set(ids.ids)
    hits = [pk for pk in readable if pk in held]
    outside = [pk for pk in readable if pk not in held]
    found = IdList(hits, whole=True)
    pages, narrowed = like_mine(Page.objects.filter(pk__among=found), request, params)
    return Scope(pages, match, degraded, hits=hits, outside=outside, narrowed=narrowed, few=found.counted)


def keep_readable(request, params: SearchParams, locale) -> None:
    """A search without words keeps the readable ids for the searches with words that follow,
    when the backend matches as lists of ids."""
    if not params.terms and matches_are_lists():
        kept_readable(request, locale)


def like_mine(pages, request, params: SearchParams) -> tuple[QuerySet, bool]:
    """``pages`` narrowed to the territories like the reader's when they asked for them, and
    whether they were."""
    territory = get_reader_territory(request) if params.like_mine else None
    if territory is None:
        return pages, False
    # A subquery over the territory index.
    like = PracticePage.objects.filter(like_mine_q(territory, "reference_territory__")).values("pk")
    return pages.filter(pk__in=like), True
