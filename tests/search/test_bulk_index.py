"""The PostgreSQL index is written in bulk (``search.backends.pg_index``): the same entries as
modelsearch's own indexing, in a number of statements that does not grow with the objects."""

import copy

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends import get_search_backend
from wagtail.models import Locale

from labs.models import LabPage
from practices.models import PracticePage

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL text search"),
]


def entries() -> list:
    """The index entries of practices and labs."""
    types = [ContentType.objects.get_for_model(model).pk for model in (PracticePage, LabPage)]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT content_type_id, object_id, title::text, body::text, autocomplete::text, title_text, body_text "
            "FROM wagtailsearch_indexentry WHERE content_type_id = ANY(%s) ORDER BY 1, 2",
            [types],
        )
        return cursor.fetchall()


def stock_index(models) -> None:
    """modelsearch's ``PostgresIndex``, one language configuration at a time."""
    from modelsearch.backends.database.postgres.postgres import PostgresIndex  # reason: PostgreSQL only

    from search.backends.postgres import config_for  # reason: PostgreSQL only

    backend = get_search_backend()
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    for model in models:
        objects = list(model.objects.all())
        for code in set(languages.values()):
            configured = copy.copy(backend)
            configured.config = config_for(code)
            PostgresIndex(configured).add_items(model, [obj for obj in objects if languages[obj.locale_id] == code])


def test_the_bulk_index_writes_what_modelsearch_writes(db):
    call_command("generate_practices", 30, labs=3, translated=0.5, verbosity=0)
    generated = entries()  # indexed from the pages in memory, their terms given there
    stock_index([PracticePage, LabPage])
    expected = entries()
    assert len(expected) > 30
    assert generated == expected
    backend = get_search_backend()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE wagtailsearch_indexentry SET title = '', body = '', autocomplete = '', body_text = ''")
    assert entries() != expected
    for model in (PracticePage, LabPage):
        backend.add_bulk(model, list(model.objects.all()))
    assert entries() == expected


def test_bulk_indexing_costs_a_few_statements_whatever_the_number(db):
    call_command("generate_practices", 40, labs=2, translated=0.5, verbosity=0, no_index=True)
    backend = get_search_backend()
    practices = list(PracticePage.objects.prefetch_related("policy_areas", "territory_types", "instruments", "methods"))
    counts = []
    for batch in (practices[:5], practices):
        with CaptureQueriesContext(connection) as captured:
            backend.add_bulk(PracticePage, batch)
        counts.append(len(captured))
    assert counts[0] == counts[1]
    response_words = PracticePage.objects.filter(locale__language_code="fr").first().territory_name
    assert PracticePage.objects.search(response_words).count() > 0  # stock search reads them
