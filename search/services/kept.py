"""A search's answer, kept until published content changes: its facet counts and total, and
each page of results asked for (the ids, in order, and the labs shown on page 1).

Most of a search's work is finding its answer: the text match, the readable scope and the
statement over it (``search.services.facts``); the cards, facet labels and rendering that
remain are the same work for every search. A reader repeating a search, paging back, coming
back to it, or another reader with the same filters, gets the answer from the cache.

Two entries, each under a key made of everything it depends on:

- the **counts** (and the total) depend only on what is searched: the site and language
  (``fragment_key``) and the language read, the words searched (``params.terms``: "Santé !" is
  "santé") and every filter (the canonical query string without its sort and page), the reader's territory when they filter on "territories
  like mine", whether they read only their own language, the day when the "recently verified"
  filter is on (its window moves), and the private sections (none of them is ever found, for
  anyone: listed so that a new restriction is a new key). Paging or changing the order reuses
  them;
- a **page** also depends on the order (the effective sort: ``?q=x`` and ``?q=x&sort=relevance``
  are one), the page number asked for, the page size, and the reader's territory when sorted by
  closeness. It holds the page shown (a page past the end is the last one), its ids, the total,
  whether no practice has the words at all (the search is recorded by ``zero_results`` on every
  answer, kept or not), and the ids of the labs matching the text (page 1 only, once looked up).

Each entry holds the content version it was made for and is used only for that version: a
publication, an unpublication, a move, a deletion, a new view restriction, a verification, a
vocabulary or territory change bumps the version (``praxis.services.fragments``), so every
older entry is unusable at once and never served stale. So is ``update_index`` (the text index
rebuilt, e.g. after an outage of Elasticsearch: ``search.management.commands.update_index``).

The ids of the practices a reader may find are kept the same way (``kept_readable``: see
``search.services.found``). The first results of a search exported (CSV, JSON) or put in a
dossier are kept the same way, as a page of their own (``kept_ids``). Besides, what every
search reads whatever is searched: the vocabularies (``kept_vocabulary``) and the labs of the
facet panel (``search.services.facet_groups``), kept the same way.

The search page keeps its rendered region too (its facets and results, ``region_vary`` and
``{% keptregion %}``, search.templatetags.search_tags): a search asked again renders only
the page around it, and loads neither its cards nor its facet labels.

Not kept: previews, answers in part from a fallback backend (they may be incomplete), and
nothing when the fragment cache is off. The search page without parameters, in every language,
is requested by the worker after a change (a source of ``praxis.services.warming``, registered
in ``search.apps``).
"""

import hashlib
from array import array
from dataclasses import dataclass, replace

from django.utils import timezone

from practices.models import PracticePage
from praxis.services import fragments
from praxis.services.language import OWN_LANGUAGE_PARAMETER, only_own_language
from praxis.visibility import private_section_paths
from search.services.facets import Vocabulary
from search.services.params import SearchParams
from search.services.scope import readable_pages

COUNTS, PAGE, IDS, REGION, READABLE = "search-counts", "search-page", "search-ids", "search-region", "search-readable"


@dataclass(frozen=True)
class KeptPage:
    number: int  # the page shown (the last one when the page asked for is past the end)
    ids: tuple[int, ...]  # its practices, in order
    total: int
    no_words: bool = False  # no readable practice has the words at all (whatever the filters)
    lab_ids: tuple[int, ...] | None = None  # labs matching the text, shown on page 1 (None: not looked up)


def searched(request, params: SearchParams, territory, locale) -> list:
    """What a search's answer depends on, whatever its order and page."""
    return [
        replace(params, q=" ".join(params.terms), sort="", page=1).querydict().urlencode(),
        locale.pk if locale is not None else "",
        territory.pk if params.like_mine and territory is not None else "",
        "own" if only_own_language(request) else "",
        timezone.localdate().isoformat() if params.verified_recently else "",
        *sorted(private_section_paths(request)),
    ]


def ordered(params: SearchParams, territory, per_page: int) -> list:
    """What a page of the answer depends on besides the search."""
    sort = params.effective_sort
    return [sort, params.page, per_page, territory.pk if sort == "closest" and territory is not None else ""]


def region_vary(request, params: SearchParams, territory, locale, per_page: int, notices) -> list:
    """What a search's rendered facets and results depend on, besides whether the reader is
    a member (``{% keptregion %}`` adds what its template shows per reader): the page of the
    answer, the query as typed and every parameter as read (headings, links, boxes checked),
    the reader's territory (the "like mine" filter, the "closest" sort, the closeness lines),
    the language toggle as sent (kept by the page links), and the notices shown."""
    return [
        *searched(request, params, territory, locale),
        *ordered(params, territory, per_page),
        params.querydict(drop_page=False).urlencode(),
        territory.pk if territory is not None else "",
        request.GET.get(OWN_LANGUAGE_PARAMETER, ""),
        *(str(notice) for notice in notices),
    ]


def _key(request, name: str, vary: list) -> str:
    digest = hashlib.sha256("\n".join(str(part) for part in vary).encode()).hexdigest()
    return fragments.fragment_key(request, name, digest)


def _get(request, name: str, vary: list):
    return fragments.current(request, _key(request, name, vary)) if fragments.cacheable(request) else None


def _set(request, name: str, vary: list, value) -> None:
    if fragments.cacheable(request):
        fragments.keep(request, _key(request, name, vary), value)


def kept(request, name: str, vary: list, compute):
    """``compute()``, kept under ``name`` and ``vary`` for the current content version (never an
    older one, unlike ``fragments.cached``: what a search reads to find its answer is never stale)."""
    value = _get(request, name, vary)
    if value is None:
        value = compute()
        _set(request, name, vary, value)
    return value


def kept_counts(request, params: SearchParams, territory, locale=None) -> tuple[dict, int] | None:
    """The counts and the total kept for this search and the current content version, else None."""
    return _get(request, COUNTS, searched(request, params, territory, locale))


def keep_counts(request, params: SearchParams, territory, locale, counts: dict, total: int) -> None:
    _set(request, COUNTS, searched(request, params, territory, locale), (counts, total))


def kept_page(request, params: SearchParams, territory, locale, per_page: int) -> KeptPage | None:
    """The page ``params.page`` of this search in its order, kept for the current content version, else None."""
    return _get(request, PAGE, searched(request, params, territory, locale) + ordered(params, territory, per_page))


def keep_page(request, params: SearchParams, territory, locale, per_page: int, page: KeptPage) -> None:
    """Keep ``page`` as the answer to ``params.page`` (the page asked for, which it may not be)."""
    _set(request, PAGE, searched(request, params, territory, locale) + ordered(params, territory, per_page), page)


def kept_ids(request, params: SearchParams, territory, locale, limit: int) -> tuple[int, ...] | None:
    """The first ``limit`` result ids of this search in its order (exports, dossiers), if kept."""
    return _get(request, IDS, searched(request, params, territory, locale) + ordered(params, territory, limit))


def keep_ids(request, params: SearchParams, territory, locale, limit: int, ids) -> None:
    _set(request, IDS, searched(request, params, territory, locale) + ordered(params, territory, limit), tuple(ids))


def kept_vocabulary(request) -> Vocabulary:
    """Every vocabulary (its three queries, once per content version: terms bump it)."""
    return kept(request, "search-vocabulary", [], Vocabulary.load)


def kept_readable(request, locale, *, compute: bool = True) -> array | None:
    """The ids of the practices the reader may find (``scope.readable_pages``), kept for the
    current content version, their language, language choice and the private sections;
    None when nothing is kept (the fragment cache is off), or not yet and not ``compute``."""
    if not fragments.cacheable(request):
        return None
    vary = [locale.pk, "own" if only_own_language(request) else "", *sorted(private_section_paths(request))]
    ids = _get(request, READABLE, vary)
    if ids is None and compute:
        ids = array("i", readable_pages(PracticePage, request, locale).values_list("pk", flat=True))
        _set(request, READABLE, vary, ids)
    return ids
