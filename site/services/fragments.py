"""Fragments of pages that stay the same until published content changes: the main menu,
the footer, a page's language versions, a practice's similar practices.

They are cached under a key made of the site, the active language, the **content version**
(``praxis.models.ContentVersion``) and what else the fragment varies on. The version is
bumped once whenever something a fragment may show changes: a page published (at the end
of the publish pipeline, ``praxis.services.publishing``), a page unpublished, moved, deleted
or saved outside a draft (Wagtail saves the page it unpublishes or moves: that save is the
bump), a view restriction, a site, a locale or a taxonomy term changed, and after every
``migrate`` (a deployment may change what fragments hold). A bump makes every older key
unreachable; the cache forgets those entries on its own.

**Served stale while renewed.** An entry is kept under a key without the version, with the
version it was built for. A reader who finds it older than the current version rebuilds it,
unless another reader is already rebuilding it (a lock in the cache: one rebuild, the others
get the previous version meanwhile) or the worker is renewing the precomputed parts
(``praxis.services.warming``, after a change: every reader gets the previous version until
the worker has built the new one). A reader who finds no entry at all builds it.

Never cached: previews (they show the draft; Wagtail's ``WagtailCacheNode`` skips them)
and what depends on the user (fragments hold only what every reader sees).
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.db import DEFAULT_DB_ALIAS, DatabaseError, IntegrityError, connection, transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from django.dispatch import Signal
from django.utils import translation
from wagtail.models import COMMENTS_RELATION_NAME, Locale, Page, PageViewRestriction, Site

from praxis.models import ContentVersion
from praxis.services import versioned

VERSION_ROW = 1

# Sent after every bump: what is built from published content (the open-data files) may
# renew itself (receivers defer their work to the end of the transaction and to a worker).
content_changed = Signal()

# Fields a page saves for its drafts, locks and comments: nothing a reader sees.
DRAFT_FIELDS = frozenset(
    {
        COMMENTS_RELATION_NAME,
        "latest_revision_created_at",
        "draft_title",
        "latest_revision",
        "has_unpublished_changes",
        "locked",
        "locked_by",
        "locked_at",
    }
)


def timeout() -> int:
    """Seconds a fragment is kept (0: never cached)."""
    return settings.PRAXIS_FRAGMENT_CACHE_SECONDS


def content_version(request=None) -> int:
    """The current content version (one query, kept on ``request``)."""
    version = getattr(request, "_praxis_content_version", None)
    if version is None:
        version = _read_content_version()
        if request is not None:
            request._praxis_content_version = version
    return version


def _read_content_version() -> int:
    """Written as SQL: every request reads it, and the ORM's statement costs three times the query."""
    quote = connection.ops.quote_name
    table, column = quote(ContentVersion._meta.db_table), quote(ContentVersion._meta.get_field("value").column)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [VERSION_ROW])  # noqa: S608 - names from the model
        row = cursor.fetchone()
    return (row[0] if row else 0) or 0


def bump_content_version(using: str = DEFAULT_DB_ALIAS) -> None:
    """A new version: every cached fragment is out of date."""

    versions = ContentVersion.objects.using(using)
    if not versions.filter(pk=VERSION_ROW).update(value=F("value") + 1):
        try:
            with transaction.atomic(using=using):
                versions.create(pk=VERSION_ROW, value=1)
        except IntegrityError:  # created meanwhile by another process
            versions.filter(pk=VERSION_ROW).update(value=F("value") + 1)
    content_changed.send(sender=ContentVersion, using=using)


def request_site(request):
    """The request's site (``Site.find_for_request``), kept per content version in this process."""
    return versioned.find_site(request, content_version(request))


def fragment_key(request, name: str, *vary) -> str:
    """The key of fragment ``name`` for the request's site and language (without the
    version: the entry holds it, so that an older entry can be served while renewed)."""
    site = request_site(request)
    return make_template_fragment_key(name, [site.pk if site else None, translation.get_language(), *vary])


def cacheable(request) -> bool:
    return request is not None and not getattr(request, "is_preview", False) and timeout() > 0


# Renewing: one rebuild per entry at a time, and none by readers while the worker renews.

REBUILD_LOCK_SECONDS = 60
RENEWING_KEY = "praxis:fragments:renewing"  # set while the worker renews (praxis.services.warming)


_renewer = ContextVar("praxis_fragments_renewer", default=False)


def renewing() -> bool:
    """Whether the worker is renewing the precomputed parts for the latest change."""
    return cache.get(RENEWING_KEY) is not None


def left_to_worker() -> bool:
    """Whether what every reader shares is the worker's to build now: it is renewing, and this
    thread is not the worker."""
    return not _renewer.get() and renewing()


@contextmanager
def renewer():
    """Within: this thread is the worker renewing, it builds what readers are served stale."""
    token = _renewer.set(True)
    try:
        yield
    finally:
        _renewer.reset(token)


def current_or_stale(key: str, version: int, compute):
    """The value kept under ``key`` if built for ``version`` (or later), else ``compute()``
    stored for ``version``; the previous value while someone else builds the new one."""
    entry = cache.get(key)
    if entry is not None and entry[0] >= version:
        return entry[1]
    lock = f"{key}:rebuilding"
    locked = False
    if entry is not None and not _renewer.get():
        if renewing():
            return entry[1]  # the worker builds it
        locked = cache.add(lock, version, REBUILD_LOCK_SECONDS)
        if not locked:
            return entry[1]  # another reader builds it
    try:
        value = compute()
        cache.set(key, (version, value), timeout())
    finally:
        if locked:
            cache.delete(lock)
    return value


def current(request, key: str):
    """The value kept under ``key`` (by ``keep``) for the current content version, else None:
    never an older one, unlike ``current_or_stale``, for what must not be served from before
    the latest change (a search's answer, the page a path names)."""
    entry = cache.get(key)
    return entry[1] if entry is not None and entry[0] == content_version(request) else None


def keep(request, key: str, value) -> None:
    """Keep ``value`` under ``key`` for the current content version (read by ``current``)."""
    cache.set(key, (content_version(request), value), timeout())


def cached(request, name: str, vary: tuple, compute):
    """``compute()``, kept under ``name`` and ``vary`` (plus site and language) for the
    current content version."""
    if not cacheable(request):
        return compute()
    return current_or_stale(fragment_key(request, name, *vary), content_version(request), compute)


# Signals


def on_content_changed(**kwargs):
    bump_content_version()


def on_migrated(using=DEFAULT_DB_ALIAS, **kwargs):
    """After a deployment's ``migrate``: templates and code may have changed what fragments hold."""
    try:
        with transaction.atomic(using=using):
            bump_content_version(using)
    except DatabaseError:  # the table is not there (migrating backwards)
        pass


def publishes(page: Page, update_fields=None) -> bool:
    """Whether saving ``page`` is the save of a publication: Wagtail stamps a later
    ``last_published_at`` than the stored one, saves, then sends ``page_published``, whose
    pipeline bumps once at its end. A clock set back makes the save bump too (one bump too
    many, never one too few)."""
    stamp = page.last_published_at
    if stamp is None or page._state.adding or (update_fields is not None and "last_published_at" not in update_fields):
        return False
    stored = Page.objects.filter(pk=page.pk).values_list("last_published_at", flat=True).first()
    return stored is None or stamp > stored


def on_page_saving(sender, instance, update_fields=None, **kwargs):
    if isinstance(instance, Page):
        instance._praxis_publishing = publishes(instance, update_fields)


def on_page_saved(sender, instance, update_fields=None, **kwargs):
    """A page saved outside its drafts and outside a publication (created live, unpublished,
    moved, changed by a script)."""
    if not isinstance(instance, Page) or getattr(instance, "_praxis_publishing", False):
        return
    if not (update_fields and set(update_fields) <= DRAFT_FIELDS):
        bump_content_version()


def on_page_deleted(sender, instance, **kwargs):
    """Once per deleted page: Django sends ``post_delete`` for each of its tables, the
    ``Page`` one always."""
    bump_content_version()


def watch(*models) -> None:
    """Bump the version whenever a row of ``models`` is saved or deleted (models shown on
    pages but saved outside a page's publication)."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(on_content_changed, sender=model, dispatch_uid=f"praxis.fragments.{label}.saved")
        post_delete.connect(on_content_changed, sender=model, dispatch_uid=f"praxis.fragments.{label}.deleted")


def connect():
    """Every bump but a publication's (``praxis.services.publishing`` bumps that one)."""
    pre_save.connect(on_page_saving, dispatch_uid="praxis.fragments.page_saving")
    post_save.connect(on_page_saved, dispatch_uid="praxis.fragments.page_saved")
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="praxis.fragments.page_deleted")
    post_migrate.connect(on_migrated, sender=apps.get_app_config("praxis"), dispatch_uid="praxis.fragments.migrated")
    watch(PageViewRestriction, Site, Locale)  # apps watch their own models (vocabularies, lineage)
