"""Practice sheets and dossiers as real PDF files (WeasyPrint).

Static files and media are read from disk; nothing else is fetched, so a
sheet never makes a network request, even for a URL written in a practice.

Every PDF is tagged PDF/UA-1 (RGAA 13.3: downloadable documents are accessible): a
structure tree with the HTML's headings, paragraphs and lists, the document language
(``<html lang>``, each sheet's own ``lang``), its title shown as the window title.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language


class ForbiddenFetch(ValueError):
    pass


def local_file_for(url: str) -> Path | None:
    path = unquote(urlparse(url).path)
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path[len(settings.STATIC_URL) :])
        return Path(found) if found else None
    if path.startswith(settings.MEDIA_URL):
        candidate = (Path(settings.MEDIA_ROOT) / path[len(settings.MEDIA_URL) :]).resolve()
        if candidate.is_relative_to(Path(settings.MEDIA_ROOT).resolve()) and candidate.is_file():
            return candidate
    return None


def url_fetcher(url: str, *args, **kwargs):
    """WeasyPrint fetcher: local static and media files only."""
    local = local_file_for(url)
    if local is None:
        raise ForbiddenFetch(f"PDF rendering does not fetch {url}")
    from weasyprint.urls import URLFetcherResponse

    content_type = mimetypes.guess_type(local.name)[0] or "application/octet-stream"
    return URLFetcherResponse(url, body=local.read_bytes(), headers={"Content-Type": content_type})


PDF_VARIANT = "pdf/ua-1"  # tagged, with /Lang, /MarkInfo and the title (WeasyPrint ≥ 63)


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # reason: WeasyPrint loads Pango on import; only PDF requests need it

    document = HTML(string=html, base_url="http://praxis.local/", url_fetcher=url_fetcher)
    return document.write_pdf(pdf_variant=PDF_VARIANT)


def practice_sheet_pdf(practice, request) -> bytes:
    """The printable sheet of one practice, for an elected official or a committee."""
    return dossier_pdf([practice], request, title=practice.title)


def dossier_pdf(practices, request, title: str) -> bytes:
    """Several practice sheets in one PDF, one practice per page run, with a contents list."""
    sheets = []
    for practice in practices:
        context = practice.get_context(request)
        context["show_contact_email"] = False  # a PDF travels: no personal email in it
        sheets.append({"page": practice, **context})
    html = render_to_string(
        "practices/practice_sheet.html",
        {"sheets": sheets, "title": title, "generated_at": timezone.now(), "request": request},
        request=request,
    )
    return html_to_pdf(html)


def practice_sheet_response(practice, request) -> HttpResponse:
    """The PDF sheet, rendered once per published revision and language, then cached."""
    language = get_language() or "fr"
    key = f"practice-sheet:{practice.pk}:{practice.live_revision_id}:{language}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = practice_sheet_pdf(practice, request)
        cache.set(key, pdf, timeout=60 * 60 * 24)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{practice.slug}.pdf"'
    return response
