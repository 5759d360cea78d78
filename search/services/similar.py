"""Practices similar to a practice: shared classification first, then shared words.

Never the practice itself or any of its translations; only live, public practices the
reader can read (their language, else the original). Four queries (five to seven with the
scores kept: the latest revision, the practices published since and their scores).

**The shared-term scores are kept** (``kept_term_scores``) per practice and live revision,
with the latest revision id when they were computed. Computing them reads every practice
sharing a term with the page: at 100,000 generated practices on PostgreSQL, 78 ms, most of a
practice page's first rendering after any publication. Kept, only the practices published
since are scored again (their revision ids are higher: an index range), and merged. The page's
own new version is a new key; what is unpublished or private is left out by the reader's
scope at each rendering, as before. Relations written without a publication (none in Praxis)
would be seen within ``KEPT_SECONDS``.
"""

from django.core.cache import cache
from django.db import connection
from django.db.models import Max
from wagtail.models import Locale, Page, Revision

from practices.models import PracticePage
from praxis.services.fragments import cacheable
from search.backends.terms import search_terms
from search.services.backend import text_match
from search.services.scope import readable_pages

# How much one shared term of each vocabulary counts.
WEIGHTS = {"policy_areas": 3, "instruments": 2, "territory_types": 1, "methods": 1}
CANDIDATES = 300  # best practices by shared terms, re-ranked with the text
TEXT_WEIGHT = 2.0  # the best text match is worth this many shared-term points
SHOWN = ("title", "url_path", "locale", "territory_name", "start_year", "translation_key", "depth", "path")


KEPT_SECONDS = 24 * 60 * 60
RESCORED_AT_MOST = 500  # practices published since: more, and all are scored again


def shared_term_scores(page: PracticePage, among: list[int] | None = None) -> dict[int, int]:
    """``{practice id: weighted number of terms shared with page}``, best first, in one query
    (``among``: only these practices)."""
    branches, params = [], []
    for relation, weight in WEIGHTS.items():
        model_field = PracticePage._meta.get_field(relation)
        table = model_field.remote_field.through._meta.db_table
        term = model_field.m2m_reverse_name()
        own = model_field.m2m_column_name()
        within = f" AND {own} IN ({', '.join(['%s'] * len(among))})" if among else ""
        branches.append(
            f"SELECT {own} AS practice, {int(weight)} AS weight FROM {table} "  # noqa: S608 (names from the models)
            f"WHERE {term} IN (SELECT {term} FROM {table} WHERE {own} = %s){within}"
        )
        params += [page.pk, *(among or [])]
    sql = (
        f"SELECT practice, SUM(weight) AS score FROM ({' UNION ALL '.join(branches)}) AS shared "  # noqa: S608
        "GROUP BY practice ORDER BY score DESC, practice DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, CANDIDATES])
        return dict(cursor.fetchall())


def kept_term_scores(page: PracticePage, request=None) -> dict[int, int]:
    """``shared_term_scores(page)``, kept (see above) and brought up to date with the practices
    published since."""
    if not cacheable(request) or not page.pk:
        return shared_term_scores(page)
    key = f"praxis:similar-terms:{page.pk}:{page.live_revision_id}"
    latest = (
        Revision.objects.aggregate(latest=Max("pk"))["latest"] or 0
    )  # read first: nothing published meanwhile is missed
    entry = cache.get(key)
    if entry is not None and entry[0] >= latest:
        return entry[1]
    republished = published_since(entry[0]) if entry is not None else None
    if republished is None:
        scores = shared_term_scores(page)  # first time, or too many published since (an import)
    else:
        scores = {pk: score for pk, score in entry[1].items() if pk not in republished}
        if republished:
            scores.update(shared_term_scores(page, among=sorted(republished)))
        scores = dict(sorted(scores.items(), key=lambda item: (-item[1], -item[0]))[:CANDIDATES])
    cache.set(key, (latest, scores), KEPT_SECONDS)
    return scores


def published_since(revision_id: int) -> set[int] | None:
    """The practices whose live revision is later than ``revision_id`` (None: too many)."""
    found = PracticePage.objects.filter(live_revision_id__gt=revision_id).order_by().values_list("pk", flat=True)
    found = set(found[: RESCORED_AT_MOST + 1])
    return found if len(found) <= RESCORED_AT_MOST else None


def similar_practices(page: PracticePage, request=None, limit: int = 4) -> list[PracticePage]:
    locale = Locale.get_active()
    scope = readable_pages(PracticePage, request, locale).exclude(translation_key=page.translation_key).values("pk")
    scope = Page.objects.filter(pk__in=scope)
    term_scores = kept_term_scores(page, request)
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
