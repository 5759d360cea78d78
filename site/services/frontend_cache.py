"""The front-end cache (Varnish, ``deploy/varnish/praxis.vcl``): what to drop when content changes.

Every response the cache may keep carries its **tags** in ``X-Praxis-Tags``
(``praxis.http_cache``): ``site`` (every page), ``page-<id>`` for the page served, and
the kinds of content it lists (``practices``, ``labs``: the home page, the indexes, a lab
page, the search page and its feeds). When a page is published, unpublished, moved or
deleted, one task, once the transaction has committed, asks each cache to drop:

- the page's URLs (Wagtail's ``PURGE`` requests, ``wagtail.contrib.frontend_cache``);
- everything tagged with the page or one of its translations (their language switcher),
  its parent (indexes and lab pages list their children), and the kind of listing it
  appears in (``cache_listed_as`` on the page class): a ``BAN`` on the tags, which reaches
  search pages whatever their query string;
- every page (``site``) when the page shows in the menu, or when a view restriction,
  a site or a locale changes.

Off unless ``WAGTAILFRONTENDCACHE`` names a backend (``FRONTEND_CACHE_URLS``).
"""

import logging
import re
from urllib.error import URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django_tasks import task
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_unpublished, post_page_move

logger = logging.getLogger("praxis.frontend_cache")

TAG = re.compile(r"^[a-z0-9-]+$")
EVERY_PAGE = "site"


def page_tag(page_id: int) -> str:
    return f"page-{page_id}"


class BanRequest(Request):
    def get_method(self):
        return "BAN"


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP backend (``PURGE`` of a URL) plus ``BAN`` of tags, which the VCL turns
    into ``ban("obj.http.X-Praxis-Tags ~ ,(tag|tag),")``."""

    def __init__(self, params):
        self.location = params["LOCATION"]
        super().__init__(params)

    def ban_tags(self, tags: list[str]) -> None:
        scheme, netloc = urlsplit(self.location)[:2]
        request = BanRequest(urlunsplit((scheme, netloc, "/", "", "")), headers={"X-Praxis-Ban": "|".join(tags)})
        try:
            urlopen(request, timeout=10)  # noqa: S310 - the scheme comes from the configured LOCATION
        except URLError as error:
            logger.error("Could not ban %s from %s: %s", tags, self.location, error)


def enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


@task()
def purge_task(urls: list[str], tags: list[str]) -> None:
    """Drop ``urls`` and everything tagged with one of ``tags`` from every front-end cache."""
    tags = sorted({tag for tag in tags if TAG.match(tag)})
    for backend in get_backends().values():
        if urls:
            backend.purge_batch(urls)
        if tags and hasattr(backend, "ban_tags"):
            backend.ban_tags(tags)


def purge_after_commit(urls: list[str], tags: list[str]) -> None:
    if enabled():
        transaction.on_commit(lambda: purge_task.enqueue(sorted(set(urls)), sorted(set(tags))))


def tags_for(page: Page, *, parent: Page | None = None) -> list[str]:
    """What shows ``page``: itself and its translations, its parent, its kind of listing."""
    page = page.specific_deferred
    tags = [
        page_tag(pk) for pk in Page.objects.filter(translation_key=page.translation_key).values_list("pk", flat=True)
    ]
    tags.append(page_tag(page.pk))
    parent = parent or page.get_parent()
    if parent is not None:
        tags.append(page_tag(parent.pk))
    listed_as = getattr(page, "cache_listed_as", None)
    if listed_as:
        tags.append(listed_as)
    if page.show_in_menus:
        tags.append(EVERY_PAGE)
    return tags


def page_urls(page: Page) -> list[str]:
    batch = PurgeBatch()
    batch.add_page(page)
    return sorted(batch.urls)


def purge_page(page: Page, *, parent: Page | None = None, urls: list[str] | None = None) -> None:
    """The page and what lists it, dropped once the transaction commits (a publication step)."""
    if enabled():
        purge_after_commit(page_urls(page) if urls is None else urls, tags_for(page, parent=parent))


# Signals: what the publishing pipeline does not see.


def on_unpublished(sender, instance, **kwargs):
    """Unpublished, or deleted while live (Wagtail unpublishes a live page before deleting it)."""
    purge_page(instance)


def on_moved(sender, instance, parent_page_before, url_path_before, **kwargs):
    """Moved: its old URLs, its new ones, its old and new parents' listings."""
    if not enabled():
        return
    purge_page(instance, parent=parent_page_before)
    purge_page(instance)


def on_visibility_changed(**kwargs):
    purge_after_commit([], [EVERY_PAGE])


def connect():
    page_unpublished.connect(on_unpublished, dispatch_uid="praxis.frontend_cache.unpublished")
    post_page_move.connect(on_moved, dispatch_uid="praxis.frontend_cache.moved")
    for model in (PageViewRestriction, Site, Locale):
        label = model._meta.label_lower
        post_save.connect(on_visibility_changed, sender=model, dispatch_uid=f"praxis.frontend_cache.{label}.saved")
        post_delete.connect(on_visibility_changed, sender=model, dispatch_uid=f"praxis.frontend_cache.{label}.deleted")
