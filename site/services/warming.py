"""The worker renews what every reader sees after content changes, before readers ask.

The precomputed parts of pages (home sections, listings, the lab directory, lab pages'
cards, feeds, API listings, sitemaps: ``praxis.services.fragments``) are kept for one content
version. After a change (``fragments.content_changed``, once the transaction commits), one
``renew_fragments`` task is queued; until it has run, readers are served the previous
version of every part that has one (``fragments.renewing``), so no reader pays for a
rebuild. The task requests the pages that show those parts, anonymously and in-process,
through the whole middleware stack: the entries it stores are the very ones readers look up.
A change while it runs queues one more when it ends.

What to request comes from sources registered by the apps (``register``): the foundation's
home pages in every language, sitemaps and the API's default listing; higher layers add their
listings (``pages_of(model)``) and feeds, and the practices published lately
(``recently_published``: their pages, similar practices included, built before their first
reader). A worker that never comes (stopped, too busy) only
delays renewal by ``PRAXIS_RENEW_MAX_SECONDS``: readers then rebuild, one per part at a time.

Needs a cache shared by the web and worker processes (Redis): ``PRAXIS_RENEW_AFTER_CHANGES``
is on by default only with ``REDIS_URL``.
"""

import logging
import math
from collections.abc import Callable, Iterable
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task
from django_tasks.exceptions import InvalidTaskError
from wagtail.models import Page, Site

from praxis.services import fragments
from praxis.services.language import enabled_languages
from praxis.sitemaps import page_size, published_pages

logger = logging.getLogger(__name__)

RECENT, RECENT_AT_MOST = timedelta(hours=1), 50  # pages published lately, requested after each change
Source = Callable[[Site], Iterable[str]]  # paths on ``site`` whose pages show precomputed parts
sources: dict[str, tuple[int, Source]] = {}


def register(source: Source, *, later: bool = False) -> Source:
    """Add ``source(site)`` to what the worker requests after a change (again: replaced);
    ``later``: after every other source (many pages, each read less)."""
    sources[f"{source.__module__}.{source.__qualname__}"] = (int(later), source)
    return source


def ordered_sources() -> list[Source]:
    return [source for _later, source in sorted(sources.values(), key=lambda item: item[0])]


def page_paths(site: Site, pages) -> Iterable[str]:
    """The paths of the live, public ``pages`` served by ``site``."""
    for page in pages.live().public().order_by("path"):
        parts = page.get_url_parts()
        if parts and parts[0] == site.pk:
            yield parts[2]


def pages_of(model: type[Page]) -> Source:
    """A source: the pages of ``model``."""

    def source(site: Site) -> Iterable[str]:
        return page_paths(site, model.objects.all())

    source.__qualname__ = f"pages_of.{model._meta.label}"
    return source


def named_in_every_language(*names: str) -> Source:
    """A source: the URLs named ``names`` (without arguments) in every enabled language."""

    def source(site: Site) -> Iterable[str]:
        paths = []
        for code in enabled_languages():
            with translation.override(code):
                paths += [reverse(name) for name in names]
        return paths

    source.__qualname__ = f"named_in_every_language.{'+'.join(names)}"
    return source


def recently_published(model: type[Page]) -> Source:
    """A source: the pages of ``model`` published in the last ``RECENT`` (the latest
    ``RECENT_AT_MOST``): their first readers, many right after a publication, find them built."""

    def source(site: Site) -> Iterable[str]:
        since = timezone.now() - RECENT
        latest = model.objects.filter(live_revision__isnull=False).order_by("-live_revision_id")[:RECENT_AT_MOST]
        ids = [
            pk for pk, published in latest.values_list("pk", "last_published_at") if published and published >= since
        ]
        return page_paths(site, model.objects.filter(pk__in=ids))

    source.__qualname__ = f"recently_published.{model._meta.label}"
    return source


def home_pages(site: Site) -> Iterable[str]:
    """The site's home page in every language (translations of its root are siblings)."""
    return page_paths(site, Page.objects.filter(translation_key=site.root_page.translation_key))


def sitemaps(site: Site) -> Iterable[str]:
    yield reverse("sitemap")
    count = published_pages(site).count()
    for number in range(1, max(1, math.ceil(count / page_size())) + 1):
        yield reverse("sitemap_page", args=[number])


def api_listing(site: Site) -> Iterable[str]:
    yield reverse("wagtailapi:pages:listing")


def enabled() -> bool:
    return settings.PRAXIS_RENEW_AFTER_CHANGES and fragments.timeout() > 0


# Scheduling


def schedule() -> bool:
    """Queue a renewal unless one is already waiting or running; ``False`` when one was."""
    if not cache.add(fragments.RENEWING_KEY, True, timeout=settings.PRAXIS_RENEW_MAX_SECONDS):
        return False
    try:
        renew_fragments.enqueue()
    except (DatabaseError, InvalidTaskError):
        cache.delete(fragments.RENEWING_KEY)
        logger.exception("Could not enqueue the renewal of the precomputed parts.")
        return False
    return True


def on_content_changed(**kwargs) -> None:
    """``fragments.content_changed`` receiver: a renewal once the change is committed."""
    if enabled():
        transaction.on_commit(schedule, robust=True)


# Renewing


def client_for(site: Site) -> tuple[Client, dict]:
    """An anonymous client addressing ``site`` as its readers do (host, scheme)."""
    host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
    secure = site.port == 443 or settings.SECURE_SSL_REDIRECT
    extra = {"HTTP_HOST": host}
    if secure and settings.SECURE_PROXY_SSL_HEADER:
        header, value = settings.SECURE_PROXY_SSL_HEADER
        extra[header] = value
    return Client(raise_request_exception=False, secure=secure), extra


def renew_site(site: Site) -> int:
    """Request every registered path of ``site``; returns how many answered 200."""
    client, extra = client_for(site)
    answered = 0
    for source in ordered_sources():
        for path in source(site):
            status = client.get(path, **extra).status_code
            answered += status == 200
            if status != 200:
                logger.warning("Renewing %s answered %s.", path, status)
    return answered


@task()
def renew_fragments() -> int:
    """Build the current version of every precomputed part readers ask for first; returns
    the content version built."""
    version = fragments.content_version()
    try:
        with fragments.renewer():
            for site in Site.objects.order_by("pk"):
                renew_site(site)
    finally:
        cache.delete(fragments.RENEWING_KEY)  # readers rebuild what was not renewed
    if fragments.content_version() != version and enabled():
        schedule()  # changed while renewing
    return version


def connect() -> None:
    for source in (home_pages, sitemaps, api_listing):
        register(source)
    fragments.content_changed.connect(on_content_changed, dispatch_uid="praxis.warming.renew")
