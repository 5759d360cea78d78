"""The counts of a search for words most practices have, from the counts without them.

Each facet count of a search, and its total, is a number of readable practices passing the
filters (all but one, for a facet's own values: ``search.services.facts``) among those whose
text matches. Counted over the readable practices whose text does *not* match instead, and
subtracted from the same counts without the words, it is the same number, exactly: every
practice is in one of the two sets.

The counts without the words are those of the search page with the same filters, kept for
the current content version (``search.services.kept``; the worker asks for the search page
without parameters after every change). The readable practices with and without the words
are known as ids (``search.services.found``). When the counts without the words are kept and
fewer readable practices miss the words than have them, the smaller set is counted: a word
found in nearly every practice ("projet", "public") is counted over a hundred practices
instead of a hundred thousand. Measured at 100,000 generated practices on PostgreSQL
(``tests/bench/search_fresh_bench.py``, "projet"): the counts statement took about 660 ms;
the same counts from the 105 practices without the word, a few ms.
"""

from dataclasses import replace

from wagtail.models import Page

from search.backends.base import IdList
from search.services.facets import Selection
from search.services.facts import search_facts
from search.services.found import Scope, like_mine
from search.services.kept import kept_counts
from search.services.params import SearchParams

Counts = tuple[dict[str, dict[str, int]], int]  # every facet's counts, and the total


def without_words(params: SearchParams) -> SearchParams:
    """The same search, without its words: the same filters, browsed."""
    return replace(params, q="", terms=(), sort="", page=1)


def counts_beside(request, params: SearchParams, locale, chosen: Selection, territory, scope: Scope) -> Counts | None:
    """The counts and the total of the search, from those kept without its words and those of
    the readable practices the match does not hold; None when those without the words are not
    kept, the readable practices without the words are not known (``found``) or are not the
    fewer."""
    if scope.match is None or scope.outside is None or len(scope.outside) >= len(scope.hits):
        return None
    browsed = kept_counts(request, without_words(params), territory, locale)
    if browsed is None:
        return None
    ids = IdList(scope.outside, whole=True)
    outside, _narrowed = like_mine(Page.objects.filter(pk__among=ids), request, params)
    beside = search_facts(
        outside,
        chosen,
        replace(params, sort="newest"),
        ranked=False,
        start=0,
        stop=0,
        with_counts=True,
        few=ids.counted,
    )
    return subtracted(browsed, (beside.counts, beside.total))


def subtracted(whole: Counts, part: Counts) -> Counts:
    """``whole`` minus ``part``, facet by facet and value by value; values left with no
    practice are left out, as a statement over the practices leaves them out."""
    counts = {}
    for facet, values in whole[0].items():
        removed = part[0].get(facet, {})
        remaining = {value: number - removed.get(value, 0) for value, number in values.items()}
        remaining = {value: number for value, number in remaining.items() if number > 0}
        if remaining:
            counts[facet] = remaining
    return counts, whole[1] - part[1]
