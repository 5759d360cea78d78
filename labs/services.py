"""What lab directory, lab and programme pages show, in a fixed number of queries.

The pages call these with what they hold (their own instance, the labs to list), so this
module needs no page model: the relations lead to the others (``lab.programmes``,
``programme.labs``). A lab's practices are composed in its template by the practices app
(``{% lab_practices %}``), which sits above labs.
"""

from django.conf import settings
from django.db.models import Prefetch
from wagtail.images import get_image_model

from labs.directory import DIRECTORY_PARAMETERS, LabDirectoryFilterForm, map_points
from praxis.params import read
from praxis.services.access import can_see_contact_details
from praxis.services.language import language_choice
from praxis.services.translations import localized_pages
from praxis.visibility import (
    active_locale,
    best_translations,
    link_fields,
    private_section_paths,
    public_q,
    readable_translations,
    related_ids,
)
from taxonomy.models import Method


def with_lab_card_data(queryset):
    """Everything a lab card shows (locale, logo and its renditions) in a fixed number of queries."""
    renditions = get_image_model().get_rendition_model().objects.all()
    return queryset.select_related("locale", "logo").prefetch_related(Prefetch("logo__renditions", queryset=renditions))


def lab_directory(index_page, public_labs, request) -> dict:
    """``public_labs``: the live, public labs (``LabPage.objects.live().public()``)."""
    locale = active_locale(index_page)
    readable = readable_translations(public_labs, request, locale)
    countries = readable.order_by().values_list("country", flat=True).distinct()
    read(request, DIRECTORY_PARAMETERS)  # unsafe, overlong or repeated: a 400 (unknown values: the form's errors)
    filters = LabDirectoryFilterForm(request.GET or None, available_countries=list(countries))
    labs = list(
        with_lab_card_data(filters.filter(readable))
        .defer("description")  # the only large column, never shown in the directory
        .order_by("title")
    )
    return {
        "labs": labs,
        "filter_form": filters,
        "map_points": map_points(labs),
        "map_tile_url": settings.PRAXIS_MAP_TILE_URL,
        "map_attribution": settings.PRAXIS_MAP_ATTRIBUTION,
        "active_locale": locale,
        "language_choice": language_choice(request),
    }


def lab_context(lab, request) -> dict:
    """The lab's programmes (any language, one per programme) and methods."""
    locale = active_locale(lab)
    public = public_q(private_section_paths(request))
    programmes = lab.programmes.model.objects.live().filter(public, labs__translation_key=lab.translation_key)
    programmes = (
        best_translations(programmes.distinct(), locale)
        .select_related("locale")
        .only(*link_fields("", "start_year", "end_year"))
        .order_by("-start_year", "title")
    )
    return {
        "programmes": list(programmes),
        "methods": list(Method.objects.filter(pk__in=related_ids(lab.methods))),
        "active_locale": locale,
        "show_contact_email": can_see_contact_details(getattr(request, "user", None)),
        "language_choice": language_choice(request),
    }


def programme_context(programme, request) -> dict:
    """The participating labs, in the reader's language where translated."""
    locale = active_locale(programme)
    public = public_q(private_section_paths(request))
    labs = localized_pages(
        programme.labs.model.objects.live()
        .filter(public, pk__in=related_ids(programme.labs))
        .select_related("locale")
        .order_by("title"),
        locale,
    )
    return {"labs": labs, "active_locale": locale}
