"""The plan page's note links: ``{% note_links plan request as links %}`` (plan_note.html)."""

from dataclasses import dataclass

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from members.access import approved_member
from transpositions.models import Note

register = template.Library()


@dataclass(frozen=True)
class NoteLink:
    format: str
    label: str
    url: str
    state: str  # "" (never asked for this version), or a Note.State


@register.simple_tag
def note_links(plan, request) -> list[NoteLink]:
    """One link per format, with where the note of the plan's current version stands."""
    member = getattr(request, "member", None) or approved_member(getattr(request, "user", None))
    language = member.language if member else plan.language
    states = dict(
        Note.objects.filter(plan=plan, version=plan.version, language=language).values_list("format", "state")
    )
    labels = {"pdf": _("PDF (to print or send)"), "docx": _("Editable document (.docx)")}
    return [
        NoteLink(
            format=fmt,
            label=label,
            url=reverse("transpositions:note", args=[plan.pk, fmt]),
            state=states.get(fmt, ""),
        )
        for fmt, label in labels.items()
    ]
