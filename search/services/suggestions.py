"""Autocomplete: taxonomy terms and practice titles starting with what the reader typed.

Only live, public practices the reader can read; terms in the reader's language.
"""

from django.urls import reverse
from django.utils.http import urlencode
from wagtail.models import Locale, Page

from practices.models import PracticePage
from search.backends.terms import fold, search_terms, words
from search.services.backend import text_match
from search.services.facets import TAXONOMIES
from search.services.params import LABELS
from search.services.scope import readable_pages

MIN_CHARS = 2
MAX_TERMS = 4
MAX_PRACTICES = 6


def suggestions(request, query: str) -> list[dict]:
    query = (query or "")[:200]
    typed = [fold(word) for word in words(query)]
    if not typed or len(" ".join(typed)) < MIN_CHARS:
        return []
    locale = Locale.get_active()
    return [*term_suggestions(typed, locale), *practice_suggestions(request, query, locale)]


def term_suggestions(typed: list[str], locale) -> list[dict]:
    """Terms whose label (in the reader's language or in French) has a word starting with each typed word."""
    found = []
    search_url = reverse("search:index")
    for name, model in TAXONOMIES.items():
        for term in model.objects.all():
            label = term.label(locale.language_code)
            label_words = [fold(word) for word in words(f"{label} {term.name}")]
            if all(any(word.startswith(part) for word in label_words) for part in typed):
                found.append(
                    {
                        "label": label,
                        "kind": name,
                        "kind_label": str(LABELS[name]),
                        "url": f"{search_url}?{urlencode({name: term.slug})}",
                    }
                )
    return found[:MAX_TERMS]


def practice_suggestions(request, query: str, locale) -> list[dict]:
    terms = search_terms(query)
    if not terms:
        return []
    match, _degraded = text_match(PracticePage, terms, autocomplete=True)
    candidates = readable_pages(PracticePage, request, locale, pk_filter=match.ids_filter()).values("pk")
    ranked = [pk for pk, _score in match.ranked(candidates, 0, MAX_PRACTICES)]
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ranked).select_related("locale")}
    results = []
    for pk in ranked:
        page = pages.get(pk)
        url = page.get_url(request) if page else None
        if url:
            results.append(
                {
                    "label": page.title,
                    "kind": "practice",
                    "kind_label": str(PracticePage._meta.verbose_name).capitalize(),
                    "url": url,
                    "lang": page.locale.language_code,
                }
            )
    return results
