"""Published pages inserted in bulk: the tree paths are computed here, not by Wagtail.

On PostgreSQL the rows travel by ``COPY`` (psycopg's ``cursor.copy``): at 100,000
practices, Django's ``bulk_create`` spent most of its time building and parsing the
statements' text."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models.sql import InsertQuery
from psycopg import sql
from wagtail.models import Page

BATCH = 500


def bulk_pages(parent, model, specs, now, locale=None):
    """Insert published ``model`` pages under ``parent`` in two statements per batch.

    Wagtail's ``add_child`` costs several queries per page (tree, revision, signals);
    here the tree paths are computed, then the ``Page`` rows and the ``model`` rows are
    inserted in bulk (``insert_pages``). Returns the pages (``model`` instances with their pk).
    """
    if not specs:
        return []
    parent.refresh_from_db()
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    content_type = ContentType.objects.get_for_model(model)
    locale = locale or parent.locale
    pages = []
    for offset, spec in enumerate(specs, start=1):
        published = spec.get("published", now)
        page = model(
            title=spec["title"],
            draft_title=spec["title"],
            slug=spec["slug"],
            content_type=content_type,
            path=parent.path + Page._int2str(step + offset).rjust(Page.steplen, Page.alphabet[0]),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{spec['slug']}/",
            locale=locale,
            translation_key=spec.get("translation_key") or uuid.uuid4(),
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            **spec["fields"],
        )
        pages.append(page)
    for start in range(0, len(pages), BATCH):
        insert_pages(model, pages[start : start + BATCH])
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    return pages


def insert_pages(model, pages):
    """Insert the ``Page`` and the ``model`` rows of these pages, setting their pk.

    PostgreSQL: their ids are drawn from the pages' sequence, then both tables are
    written by ``COPY`` (``copy_rows``); elsewhere by two ``INSERT`` statements."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [Page._meta.db_table, len(pages)],
            )
            ids = [row[0] for row in cursor.fetchall()]
        for page, pk in zip(pages, ids, strict=True):
            page.pk = page.id = page.page_ptr_id = pk
        copy_rows(Page, Page._meta.concrete_fields, pages)
        copy_rows(model, model._meta.local_concrete_fields, pages)
        return
    bases = Page.objects.bulk_create([Page(**{f.attname: getattr(p, f.attname) for f in page_fields()}) for p in pages])
    for page, base in zip(pages, bases, strict=True):
        page.pk = page.id = page.page_ptr_id = base.pk
    query = InsertQuery(model)
    query.insert_values(model._meta.local_concrete_fields, pages, raw=True)
    query.get_compiler(connection=connection).execute_sql()


def copy_rows(model, fields, objs):
    """Write ``fields`` of ``objs`` into ``model``'s table with PostgreSQL's ``COPY``."""
    write_copy(
        model, fields, ([f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields] for obj in objs)
    )


def copy_values(model, columns, rows):
    """Write ``rows`` (tuples of ``columns``, attribute names) into ``model``'s table:
    ``COPY`` on PostgreSQL, ``bulk_create`` elsewhere."""
    if connection.vendor == "postgresql":
        write_copy(model, [model._meta.get_field(column) for column in columns], rows)
    else:
        model.objects.bulk_create([model(**dict(zip(columns, row, strict=True))) for row in rows], batch_size=BATCH)


def write_copy(model, fields, rows):
    statement = sql.SQL("COPY {table} ({columns}) FROM STDIN").format(
        table=sql.Identifier(model._meta.db_table),
        columns=sql.SQL(", ").join(sql.Identifier(field.column) for field in fields),
    )
    with connection.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


def page_fields():
    return [f for f in Page._meta.concrete_fields if not f.primary_key]


def analyze(models):
    """Have PostgreSQL renew its statistics of these models' tables and of the search index
    (after a bulk load, so that the first queries are planned for the rows there now);
    nothing elsewhere."""
    if connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres.postgres import IndexEntry  # reason: PostgreSQL only

        models = [*models, IndexEntry]
        tables = sql.SQL(", ").join(sql.Identifier(model._meta.db_table) for model in models)
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("ANALYZE {tables}").format(tables=tables))
