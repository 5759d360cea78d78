"""What a practice page shows: terms, labs, programme, lineage, contact.

A fixed number of queries whatever the number of terms, labs or transpositions:
one for the private sections, one per vocabulary (four), one for the labs, one for
the programme, two for the lineage (plus one per look-up of translations when
something is not in the active language). Linked pages load only what a link needs.

All of it but the contact (which depends on the reader) is kept until published content
changes (``praxis.services.fragments``): then none of these queries runs. Previews and
pages whose relations are in memory are never cached.
"""

from labs.models import LabPage, ProgrammePage
from practices.services.lineage import lineage
from practices.services.reader_territory import reader_territory_context
from praxis.services import fragments
from praxis.services.access import can_see_contact_details
from praxis.services.translations import localized_pages
from praxis.visibility import active_locale, link_fields, private_section_paths, public_q, related_ids

VOCABULARIES = ("policy_areas", "territory_types", "instruments", "methods")


def classification(practice) -> dict[str, list]:
    """The practice's terms in every vocabulary (a query each: four small ones cost less
    than one UNION). Previews work too: their relations are in memory."""
    return {name: list(getattr(practice, name).all()) for name in VOCABULARIES}


def practice_context(practice, request) -> dict:
    if getattr(practice, "_cluster_related_objects", None):  # relations in memory: a preview
        shown = published_context(practice, request)
    else:
        shown = fragments.cached(
            request,
            "practice-context",
            (practice.pk, practice.live_revision_id),  # its own new version at once, never the previous one
            lambda: published_context(practice, request),
        )
    return {
        **shown,
        **reader_territory_context(practice, request),
        "show_contact_email": can_see_contact_details(getattr(request, "user", None)),
    }


def published_context(practice, request) -> dict:
    """What every reader of the practice sees (in the active language)."""
    locale = active_locale(practice)
    private_paths = private_section_paths(request)
    public = public_q(private_paths)
    labs = localized_pages(
        LabPage.objects.live()
        .filter(public, pk__in=related_ids(practice.labs))
        .select_related("locale")
        .only(*link_fields())
        .order_by("title"),
        locale,
    )
    programme = None
    if practice.programme_id:
        found = (
            ProgrammePage.objects.live()
            .filter(public, pk=practice.programme_id)
            .select_related("locale")
            .only(*link_fields())
        )
        programme = next(iter(localized_pages(found, locale)), None)
    return {
        **classification(practice),
        "labs": labs,
        "programme": programme,
        "active_locale": locale,
        **lineage(practice, locale, private_paths),
    }
