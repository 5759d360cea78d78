"""Which pages a reader may find: live, public, one per translation group.

Same rule as ``praxis.services.language.readable_translations`` (the reader's
language, else the original; only their language if they asked), written with a
window function over ``wagtailcore_page`` alone: one pass, so a text filter inside it
is evaluated once (``best_translations`` repeats its queryset three times).
"""

from django.db import connection
from django.db.models import Case, F, IntegerField, TextField, Value, When, Window
from django.db.models.functions import Cast, RowNumber
from wagtail.models import Page

from labs.services import private_section_paths, public_q
from praxis.services.language import only_own_language


def readable_pages(model, request, locale, *, pk_filter=None):
    """A ``Page`` queryset (narrow rows) of the live, public ``model`` pages the reader can read."""
    # public_q: Wagtail's .public() rule, with the private sections looked up once per request.
    pages = Page.objects.live().filter(public_q(private_section_paths(request))).exact_type(model).order_by()
    if pk_filter is not None:
        pages = pages.filter(pk__in=pk_filter)
    if only_own_language(request):
        return pages.filter(locale=locale)
    in_locale_first = Case(When(locale_id=locale.pk, then=Value(0)), default=Value(1), output_field=IntegerField())
    ranked = pages.annotate(
        _translation_rank=Window(
            RowNumber(), partition_by=[F("translation_key")], order_by=[in_locale_first.asc(), F("pk").asc()]
        )
    )
    return ranked.filter(_translation_rank=1)


def readable_ids(model, request, locale, *, pk_filter=None) -> list[int]:
    return list(readable_pages(model, request, locale, pk_filter=pk_filter).values_list("pk", flat=True))


def readable_rows(model, request, locale, *, pk_filter=None) -> list[tuple]:
    """``(pk, first_published_at)`` of the readable pages (both from the page-scope index)."""
    # As text (ISO 8601 sorts as dates): no date parsing for thousands of rows.
    published = Cast("first_published_at", TextField())
    pages = readable_pages(model, request, locale, pk_filter=pk_filter).values_list("pk", published)
    sql, params = pages.query.sql_with_params()
    with connection.cursor() as cursor:  # raw rows: no per-value conversion, the values are only compared
        cursor.execute(sql, params)
        return cursor.fetchall()
