"""A search's scope: the practices the reader may find whose text matches, and the match.

The practices a reader may find are a statement over the page tree (``scope.readable_pages``:
live, public, their language else the original). Their ids are also kept, for the current
content version and each language, language choice and set of private sections
(``kept.kept_readable``: 400 KB at 100,000 practices). When the match is a list of ids too
(PostgreSQL, Elasticsearch), a search's scope is the two lists intersected here, not in a
statement that tests every readable practice against the match, and a search without words
is the readable ids themselves: its facts are then counted in memory (``tally``).

Measured at 100,000 generated practices on PostgreSQL: the readable ids take about 120 ms to
read (once per content version: the worker's search without words reads them after every
change) and a fraction of a millisecond to unpickle; splitting them by a match of 100,000
ids, about 14 ms, where the statement's scope took about 80 ms each time it was read.
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
    hits: list[int] | None = None  # the readable practices the match holds (every one, without words)
    narrowed: bool = False  # the reader's territories narrow ``pages``
    few: bool = False  # ``pages`` is a list of ids the planner counts (``IdList.counted``)


def practice_scope(request, params: SearchParams, locale) -> Scope:
    match, degraded = None, False
    if params.terms:
        within = verified_since_q() if params.verified_recently else None
        match, degraded = text_match(PracticePage, params.terms, within=within)
    ids = match.ids_filter() if match else None
    lists = isinstance(ids, IdList) if match else matches_are_lists()
    readable = kept_readable(request, locale, compute=match is None) if lists else None
    if readable is None:
        pages, narrowed = like_mine(readable_pages(PracticePage, request, locale, pk_filter=ids), request, params)
        return Scope(pages, match, degraded, narrowed=narrowed)
    if match is None:
        hits = list(readable)
    else:
        held = set(ids.ids)
        hits = [pk for pk in readable if pk in held]
    found = IdList(hits, whole=True)
    pages, narrowed = like_mine(Page.objects.filter(pk__among=found), request, params)
    return Scope(pages, match, degraded, hits=hits, narrowed=narrowed, few=found.counted)


def like_mine(pages, request, params: SearchParams) -> tuple[QuerySet, bool]:
    """``pages`` narrowed to the territories like the reader's when they asked for them, and
    whether they were."""
    territory = get_reader_territory(request) if params.like_mine else None
    if territory is None:
        return pages, False
    # A subquery over the territory index.
    like = PracticePage.objects.filter(like_mine_q(territory, "reference_territory__")).values("pk")
    return pages.filter(pk__in=like), True
