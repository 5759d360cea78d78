"""Shared by the database backends: which queries take the fast path, and results
classes that rank in SQL instead of with a correlated subquery per row."""

from collections import OrderedDict

from django.db.models import Count
from modelsearch.backends.base import FilterFieldError
from modelsearch.query import MatchAll, PlainText

from search.backends.terms import search_terms


def plain_terms(query, fields) -> list[str] | None:
    """The sanitised terms of a plain-text query over all fields, else ``None``.

    ``None`` leaves other query types (phrases, boolean trees, fuzzy, ``fields=``) to
    the stock implementation; an empty list means the query has no searchable word.
    """
    if fields or not isinstance(query, PlainText) or isinstance(query, MatchAll):
        return None
    if query.operator not in (None, "and", "AND"):
        return None
    return search_terms(query.query_string)


class FastResultsMixin:
    """Search results computed from the backend's ``TextMatch``.

    Counting and filtering use ``pk IN (<match subquery>)``; ranking asks the match
    for the page of ids and fetches just those objects.
    """

    def _match(self):
        compiler = self.query_compiler
        if not hasattr(compiler, "text_match"):
            return None
        if not hasattr(self, "_text_match_cache"):
            self._text_match_cache = compiler.text_match()
        return self._text_match_cache

    def _matching_queryset(self, match):
        queryset = self.query_compiler.queryset
        if match is False:
            return queryset.none()
        return queryset.filter(pk__in=match.ids_filter())

    def _do_search(self):
        match = self._match()
        if match is None:
            return super()._do_search()
        compiler = self.query_compiler
        if match is False:
            return []
        if not compiler.order_by_relevance:
            queryset = self._matching_queryset(match)
            if not queryset.query.order_by:
                queryset = queryset.order_by("-pk")
            return list(queryset[self.start : self.stop])
        ranked = match.ranked(compiler.queryset, self.start, self.stop)
        objects = {obj.pk: obj for obj in compiler.queryset.order_by().filter(pk__in=[pk for pk, _ in ranked])}
        results = []
        for pk, score in ranked:
            obj = objects.get(pk)
            if obj is None:
                continue
            if self._score_field:
                setattr(obj, self._score_field, score)
            results.append(obj)
        return results

    def _do_count(self):
        match = self._match()
        if match is None:
            return super()._do_count()
        count = self._matching_queryset(match).count() if match is not False else 0
        count -= self.start
        if self.stop is not None:
            count = min(count, self.stop - self.start)
        return max(count, 0)

    def facet(self, field_name):
        match = self._match()
        if match is None:
            return super().facet(field_name)
        field = self.query_compiler._get_filterable_field(field_name)
        if field is None:
            raise FilterFieldError(
                f'Cannot facet search results with field "{field_name}". '
                f"Please add index.FilterField('{field_name}') to "
                f"{self.query_compiler.queryset.model.__name__}.search_fields.",
                field_name=field_name,
            )
        rows = (
            self._matching_queryset(match).order_by().values(field_name).annotate(count=Count("pk")).order_by("-count")
        )
        return OrderedDict((row[field_name], row["count"]) for row in rows)
