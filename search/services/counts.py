"""The facet counts of a search (and its total), kept until published content changes.

Counting every facet's values is most of a search's work (at 10,000 practices, about half of
its statement), and the counts depend only on what is searched, not on who searches, nor on
the order or the page asked for: a reader paging through results, changing their order,
coming back to them, or another reader with the same filters, gets them from the cache.

The key holds everything the counts depend on: the site and language (``fragment_key``),
the text and every filter (the canonical query string without its sort and page), the
reader's territory when they filter on "territories like mine", whether they read only
their own language, the day when the "recently verified" filter is on (its window moves),
and the private sections (none of them is ever counted, for anyone: listed so that a new
restriction is a new key). The entry holds the content version it was counted for and is
used only for that version: a publication makes every older entry unusable at once (never
served stale, since the total and the results on the page are always fresh).

Not kept: previews, searches answered by a fallback backend (their counts may be partial).
The search page without parameters, in every language, is counted by the worker after a
change (a source of ``praxis.services.warming``, registered in ``search.apps``).
"""

import hashlib
from dataclasses import replace

from django.core.cache import cache
from django.utils import timezone

from praxis.services.fragments import cacheable, content_version, fragment_key, timeout
from praxis.services.language import only_own_language
from praxis.visibility import private_section_paths
from search.services.params import SearchParams

NAME = "search-counts"


def counts_key(request, params: SearchParams, territory) -> str:
    searched = replace(params, sort="", page=1).querydict().urlencode()
    vary = [
        searched,
        territory.pk if params.like_mine and territory is not None else "",
        "own" if only_own_language(request) else "",
        timezone.localdate().isoformat() if params.verified_recently else "",
        *sorted(private_section_paths(request)),
    ]
    digest = hashlib.sha256("\n".join(str(part) for part in vary).encode()).hexdigest()
    return fragment_key(request, NAME, digest)


def kept_counts(request, params: SearchParams, territory) -> tuple[dict, int] | None:
    """The counts and the total kept for this search and the current content version, else None."""
    if not cacheable(request):
        return None
    entry = cache.get(counts_key(request, params, territory))
    if entry is None or entry[0] != content_version(request):
        return None
    return entry[1]


def keep_counts(request, params: SearchParams, territory, counts: dict, total: int) -> None:
    if cacheable(request):
        cache.set(counts_key(request, params, territory), (content_version(request), (counts, total)), timeout())
