"""Practices similar to a practice: shared classification first, then shared words.

Never the practice itself or any of its translations; only live, public practices the
reader can read (their language, else the original). Four queries.
"""

from django.db import connection
from wagtail.models import Locale, Page

from practices.models import PracticePage
from search.backends.terms import search_terms
from search.services.backend import text_match
from search.services.scope import readable_pages

# How much one shared term of each vocabulary counts.
WEIGHTS = {"policy_areas": 3, "instruments": 2, "territory_types": 1, "methods": 1}
CANDIDATES = 300  # best practices by shared terms, re-ranked with the text
TEXT_WEIGHT = 2.0  # the best text match is worth this many shared-term points
SHOWN = ("title", "url_path", "locale", "territory_name", "start_year", "translation_key", "depth", "path")


def shared_term_scores(page: PracticePage) -> dict[int, int]:
    """``{practice id: weighted number of terms shared with page}``, best first, in one query."""
    branches, params = [], []
    for relation, weight in WEIGHTS.items():
        model_field = PracticePage._meta.get_field(relation)
        table = model_field.remote_field.through._meta.db_table
        term = model_field.m2m_reverse_name()
        own = model_field.m2m_column_name()
        branches.append(
            f"SELECT {own} AS practice, {int(weight)} AS weight FROM {table} "  # noqa: S608 (names from the models)
            f"WHERE {term} IN (SELECT {term} FROM {table} WHERE {own} = %s)"
        )
        params.append(page.pk)
    sql = (
        f"SELECT practice, SUM(weight) AS score FROM ({' UNION ALL '.join(branches)}) AS shared "  # noqa: S608
        "GROUP BY practice ORDER BY score DESC, practice DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, CANDIDATES])
        return dict(cursor.fetchall())


def similar_practices(page: PracticePage, request=None, limit: int = 4) -> list[PracticePage]:
    locale = Locale.get_active()
    scope = readable_pages(PracticePage, request, locale).exclude(translation_key=page.translation_key).values("pk")
    scope = Page.objects.filter(pk__in=scope)
    term_scores = shared_term_scores(page)
    terms = search_terms(page.title)
    if term_scores:
        candidates = list(scope.filter(pk__in=list(term_scores)).values_list("pk", flat=True))
        text_scores = {}
        if terms and candidates:
            match, _degraded = text_match(PracticePage, terms, operator="or")
            text_scores = dict(match.ranked(candidates, 0, None))
        best_text = max(text_scores.values(), default=0) or 1.0
        ranked = sorted(
            candidates,
            key=lambda pk: (-(term_scores.get(pk, 0) + TEXT_WEIGHT * text_scores.get(pk, 0) / best_text), -pk),
        )
        ids = ranked[:limit]
    elif terms:
        match, _degraded = text_match(PracticePage, terms, operator="or")
        ids = [pk for pk, _score in match.ranked(scope.filter(pk__in=match.ids_filter()), 0, limit)]
    else:
        ids = []
    pages = PracticePage.objects.filter(pk__in=ids).select_related("locale").only(*SHOWN)
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in ids if pk in by_id]
