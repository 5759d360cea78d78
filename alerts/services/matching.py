"""Which of a few practices each saved search finds: the search page's own rules.

A saved search is its canonical query string and its language. Among candidate practices
(just published, or new since the last digest) it finds those that

- are live and public, and the version a reader of its language reads (their language,
  else the original: ``praxis.visibility.best_translations``, as the search's scope);
- pass every facet's selection (``search.services.facets.selection``: the same SQL filters
  as the search page) and the text (``search.services.backend.text_match``: the configured
  search backend, as the search page).

One query per language and per distinct query string (two with words or labs), whatever
the number of members who saved it. A search naming a term or lab that no longer exists
finds nothing: the search page would ignore that filter and widen, an alert must not.
"""

from collections.abc import Iterable

from django.http import QueryDict
from wagtail.models import Locale, Page

from practices.models import PracticePage
from praxis.visibility import best_translations, private_section_paths, public_q
from search.backends.base import IdList
from search.services.backend import text_match
from search.services.facets import Vocabulary, selection
from search.services.params import SearchParams, parse

SearchKey = tuple[str, str]  # (language, canonical query string)


def canonical(query: str) -> tuple[SearchParams, str]:
    """The parsed search and its canonical query string (what the search page links to)."""
    params = parse(QueryDict(query))
    return params, params.querydict().urlencode()


def readable_among(language: str, candidate_ids: Iterable[int], locale: Locale | None, paths: list[str]) -> list[int]:
    """The candidates a reader of ``language`` reads: live, public, one per translation group."""
    if locale is None:
        return []
    pages = Page.objects.live().filter(public_q(paths)).exact_type(PracticePage).order_by()
    readable = best_translations(pages, locale).filter(pk__in=IdList(candidate_ids))
    return list(readable.values_list("pk", flat=True))


def matching(keys: Iterable[SearchKey], candidate_ids: Iterable[int]) -> dict[SearchKey, list[int]]:
    """For each distinct (language, query string), the candidate practices it finds."""
    keys, candidate_ids = set(keys), list(candidate_ids)
    if not keys or not candidate_ids:
        return {}
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    paths = private_section_paths()
    languages = {language for language, _query in keys}
    readable = {
        language: readable_among(language, candidate_ids, locales.get(language), paths) for language in languages
    }
    vocabulary = Vocabulary.load()
    found = {}
    for language, query in keys:
        ids = readable[language]
        found[(language, query)] = found_by(parse(QueryDict(query)), ids, vocabulary) if ids else []
    return found


def found_by(params: SearchParams, ids: list[int], vocabulary: Vocabulary) -> list[int]:
    """The practices among ``ids`` that the search finds (the search page's filters)."""
    chosen = selection(params, vocabulary)
    if chosen.notices or params.ignored:
        return []
    pages = PracticePage.objects.filter(pk__in=IdList(ids)).order_by()
    for condition in chosen.filters.values():
        pages = pages.filter(condition)
    if params.terms:
        match, _degraded = text_match(PracticePage, params.terms)
        pages = pages.filter(pk__in=match.ids_filter())
    return list(pages.values_list("pk", flat=True))
