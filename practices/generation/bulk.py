"""Published pages inserted in bulk: the tree paths are computed here, not by Wagtail."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models.sql import InsertQuery
from wagtail.models import Page

BATCH = 500


def bulk_pages(parent, model, specs, now, locale=None):
    """Insert published ``model`` pages under ``parent`` in two statements per batch.

    Wagtail's ``add_child`` costs several queries per page (tree, revision, signals);
    here the tree paths are computed, then the ``Page`` rows and the ``model`` rows are
    inserted in bulk. Returns the pages (``model`` instances with their pk).
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
        batch = pages[start : start + BATCH]
        bases = Page.objects.bulk_create(
            [Page(**{f.attname: getattr(p, f.attname) for f in page_fields()}) for p in batch]
        )
        for page, base in zip(batch, bases, strict=True):
            page.pk = page.id = page.page_ptr_id = base.pk
        query = InsertQuery(model)
        query.insert_values(model._meta.local_concrete_fields, batch, raw=True)
        query.get_compiler(connection=connection).execute_sql()
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    return pages


def page_fields():
    return [f for f in Page._meta.concrete_fields if not f.primary_key]
