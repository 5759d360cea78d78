"""PDF dossiers of a search, built by the background worker, never in the reader's request.

Asking for a dossier (``/<lang>/search/export/pdf/?…``) finds the search's first results
(the cheap part), then hands the rendering to :func:`build_dossier` and sends the reader
to a progress page that follows the build (a static script polling a small JSON status,
or, without JavaScript, a refresh every few seconds) and then to the file.

Identical requests share one result: a dossier is named by the hash of the canonical
search, the language and the content version (``praxis.services.fragments``), so the same
search asked again before anything is published gets the same file, and a publication
makes the next request build a new one. Files are stored under ``dossiers/`` in the
default storage (local media, or S3); those older than ``PRAXIS_DOSSIER_MAX_AGE`` are
pruned after each build. A build that failed leaves a ``.failed`` mark, so the progress
page says so instead of waiting forever.
"""

import hashlib
import logging
import re
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import Site

from practices.models import PracticePage
from practices.pdf import dossier_pdf
from praxis.services.fragments import content_version

logger = logging.getLogger("search")

FOLDER = "dossiers"
KEY = re.compile(r"^[0-9a-f]{64}$")
QUEUED_SECONDS = 15 * 60  # a build not done by then may be asked for again


class State:
    PENDING = "pending"
    READY = "ready"
    FAILED = "failed"


def dossier_key(query: str, language: str, version: int) -> str:
    """The name shared by every request for the same search, language and content."""
    return hashlib.sha256(f"{version}\n{language}\n{query}".encode()).hexdigest()


def file_name(key: str) -> str:
    return f"{FOLDER}/{key}.pdf"


def failed_name(key: str) -> str:
    return f"{FOLDER}/{key}.failed"


def state(key: str) -> str:
    if default_storage.exists(file_name(key)):
        return State.READY
    if default_storage.exists(failed_name(key)):
        return State.FAILED
    return State.PENDING


def key_for(request, query: str) -> str:
    """The dossier's key for the canonical ``query`` in the active language, now."""
    return dossier_key(query, current_language(), content_version(request))


def current_language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def queued(key: str) -> bool:
    return cache.get(queued_key(key)) is not None


def queued_key(key: str) -> str:
    return f"praxis:dossier:queued:{key}"


def enqueue(request, key: str, ids: list[int]) -> bool:
    """Hand the build to the worker unless it already has it; whether it was handed now."""
    if not cache.add(queued_key(key), True, QUEUED_SECONDS):
        return False
    site = Site.find_for_request(request)
    build_dossier.enqueue(key, list(ids), current_language(), site.pk if site else None)
    return True


def forget_failure(key: str) -> None:
    default_storage.delete(failed_name(key))


def worker_request(site: Site | None) -> HttpRequest:
    """What the templates need of a request, outside of one: the site's host, no user."""
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = "/"
    host = site.hostname if site else "localhost"
    port = site.port if site else 80
    request.META = {
        "SERVER_NAME": host,
        "SERVER_PORT": str(port),
        "HTTP_HOST": host if port in (80, 443) else f"{host}:{port}",
    }
    request.user = AnonymousUser()
    return request


@task()
def build_dossier(key: str, ids: list[int], language: str, site_id: int | None = None) -> str:
    """Render the practices ``ids`` (in this order) as one PDF dossier named ``key``."""
    if not KEY.match(key):
        raise ValueError("Not a dossier key.")
    if default_storage.exists(file_name(key)):
        return State.READY
    try:
        with translation.override(language):
            by_id = PracticePage.objects.live().public().in_bulk(ids)
            practices = [by_id[pk] for pk in ids if pk in by_id]
            title = _("Dossier of %(count)d inspiring practices") % {"count": len(practices)}
            site = Site.objects.filter(pk=site_id).first() or Site.objects.filter(is_default_site=True).first()
            pdf = dossier_pdf(practices, worker_request(site), title=title)
        default_storage.save(file_name(key), ContentFile(pdf))
    except Exception:
        logger.exception("The dossier %s could not be built.", key)
        default_storage.save(failed_name(key), ContentFile(b""))
        return State.FAILED
    finally:
        cache.delete(queued_key(key))
    prune()
    return State.READY


def prune(now=None) -> int:
    """Delete the dossiers (and failure marks) older than ``PRAXIS_DOSSIER_MAX_AGE`` seconds."""
    limit = (now or timezone.now()) - timedelta(seconds=settings.PRAXIS_DOSSIER_MAX_AGE)
    try:
        _folders, names = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return 0
    removed = 0
    for name in names:
        path = f"{FOLDER}/{name}"
        try:
            if default_storage.get_modified_time(path) < limit:
                default_storage.delete(path)
                removed += 1
        except (FileNotFoundError, NotImplementedError):
            continue
    return removed
