"""The note for elected officials as a tagged PDF/UA-1 (WeasyPrint), in the site's design.

The HTML (``transpositions/note.html``) lays out :class:`~transpositions.services.note.Note`
with the practice sheet's stylesheet and the note's own; ``practices.pdf.html_to_pdf``
renders it as every PDF of the site is: tagged (structure tree with the headings, lists and
table), the document language from ``<html lang>``, the title as the window title, and no
fetch beyond the site's own static files.
"""

from django.template.loader import render_to_string

from practices.pdf import html_to_pdf
from transpositions.services.note import Note


def note_html(note: Note) -> str:
    return render_to_string("transpositions/note.html", {"note": note})


def note_pdf(note: Note) -> bytes:
    return html_to_pdf(note_html(note))
