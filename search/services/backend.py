"""The configured search backends, primary first, and the fallback when one is down.

Views never look at which backend runs: they ask :func:`text_match` and get a
``TextMatch`` plus whether the answer is degraded (the primary backend failed and the
database fallback answered).
"""

import logging

from django.conf import settings
from modelsearch.backends import get_search_backend

from search.backends.base import IdList, ScoredMatch, SearchUnavailable, TextMatch

logger = logging.getLogger("search")
FALLBACK = "fallback"
_instances: dict[tuple[str, str], object] = {}


def backend(name: str = "default"):
    """One instance per configuration (Elasticsearch clients keep their connection pool)."""
    config = getattr(settings, "WAGTAILSEARCH_BACKENDS", {})
    key = (name, repr(config.get(name)))
    if key not in _instances:
        _instances[key] = get_search_backend(name)
    return _instances[key]


def matches_are_lists() -> bool:
    """Whether the default backend's matches are lists of ids (``IdList``), not subqueries:
    PostgreSQL, Elasticsearch and stock backends; not SQLite's full-text index."""
    return getattr(backend(), "matches_are_lists", True)


def backend_names() -> list[str]:
    names = ["default"]
    if FALLBACK in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}):
        names.append(FALLBACK)
    return names


class StockMatch(ScoredMatch):
    """For a backend without ``match`` (a stock Wagtail backend): its ``search()`` API."""

    def __init__(self, search_backend, model, terms, autocomplete=False, operator="and", within=None):
        method = search_backend.autocomplete if autocomplete else search_backend.search
        queryset = model.objects.all() if within is None else model.objects.filter(within)
        results = method(" ".join(terms), queryset, operator=operator).annotate_score("_score")
        super().__init__({obj.pk: obj._score or 0.0 for obj in results})


def text_match(
    model, terms, *, autocomplete: bool = False, operator: str = "and", within=None
) -> tuple[TextMatch, bool]:
    """The pages of ``model`` matching ``terms``; ``True`` second if a fallback answered.
    ``within``: a filter the caller applies in SQL too (see ``search.backends.base``)."""
    names = backend_names()
    for position, name in enumerate(names):
        search_backend = backend(name)
        try:
            if hasattr(search_backend, "match"):
                match = search_backend.match(
                    model, list(terms), autocomplete=autocomplete, operator=operator, within=within
                )
                return match, position > 0
            return StockMatch(search_backend, model, terms, autocomplete, operator, within), position > 0
        except SearchUnavailable as error:
            logger.warning("Search backend %r unavailable (%s)", name, error)
    return ScoredMatch({}), True


__all__ = ["IdList", "backend", "text_match"]
