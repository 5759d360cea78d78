"""What lab directory, lab and programme pages show, in a fixed number of queries.

The pages call these with what they hold (their own instance, the labs to list), so this
module needs no page model: the relations lead to the others (``lab.programmes``,
``programme.labs``). A lab's practices are composed in its template by the practices app
(``{% lab_practices %}``), which sits above labs.
"""

from django.conf import settings
from django.db.models import Prefetch
from django.http import QueryDict
from django.utils.http import urlencode
from wagtail.images import get_image_model

from labs.directory import DIRECTORY_PARAMETERS, LabDirectoryFilterForm, map_points
from praxis.pagination import paginate
from praxis.params import read
from praxis.services import fragments
from praxis.services.access import can_see_contact_details
from praxis.services.language import OWN_LANGUAGE_PARAMETER, language_choice, only_own_language
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

LABS_PER_PAGE = 24
# What the map's markers depend on: the filters and the language toggle (not ``?page=``).
MAP_PARAMETERS = ("country", "level", "status", OWN_LANGUAGE_PARAMETER)


def with_lab_card_data(queryset):
    """Everything a lab card shows (locale, logo and its renditions) in a fixed number of queries."""
    renditions = get_image_model().get_rendition_model().objects.all()
    return queryset.select_related("locale", "logo").prefetch_related(Prefetch("logo__renditions", queryset=renditions))


def directory_filters(readable, request) -> LabDirectoryFilterForm:
    """The directory's filters, offering the countries of the readable labs (cached)."""
    countries = fragments.cached(
        request,
        "lab-directory-countries",
        (only_own_language(request),),
        lambda: sorted(set(readable.order_by().values_list("country", flat=True).distinct())),
    )
    return LabDirectoryFilterForm(request.GET or None, available_countries=countries)


def lab_directory(index_page, public_labs, request) -> dict:
    """The directory's filters and, unevaluated, the labs they keep (``labs_page`` pages
    them: the template does, inside the fragment cached under ``listing_key``).

    ``public_labs``: the live, public labs (``LabPage.objects.live().public()``). The map's
    markers are not in the page: the directory's ``markers/`` serves them (``lab_map``);
    the page only says how many there are."""
    locale = active_locale(index_page)
    readable = readable_translations(public_labs, request, locale)
    read(request, DIRECTORY_PARAMETERS)  # unsafe, overlong or repeated: a 400 (unknown values: the form's errors)
    filters = directory_filters(readable, request)
    labs = (
        with_lab_card_data(filters.filter(readable))
        .defer("description")  # the only large column, never shown in the directory
        .order_by("title", "pk")
    )
    valid = filters.applied()
    page = request.GET.get("page", "")
    map_query = urlencode({name: request.GET[name] for name in MAP_PARAMETERS if request.GET.get(name)})
    return {
        "lab_listing": labs,
        "listing_key": "|".join(
            [
                *(str(valid.get(name) or "") for name in ("country", "level", "status")),
                page if page.isdigit() else "1",
                str(int(only_own_language(request))),
            ]
        ),
        "listing_query": QueryDict(map_query, mutable=True),  # the page links: no stray parameter
        "filter_form": filters,
        "map_point_count": len(map_data(readable, filters, request)),
        "map_query": map_query,
        "map_tile_url": settings.PRAXIS_MAP_TILE_URL,
        "map_attribution": settings.PRAXIS_MAP_ATTRIBUTION,
        "active_locale": locale,
        "language_choice": language_choice(request),
    }


def labs_page(labs, request):
    """A page of the directory's labs (``?page=``): one count and one page of cards."""
    return paginate(labs, request, LABS_PER_PAGE)


def lab_map(index_page, public_labs, request) -> list[dict]:
    """The markers of the labs the directory's filters keep (``?country=`` and the others)."""
    readable = readable_translations(public_labs, request, active_locale(index_page))
    read(request, DIRECTORY_PARAMETERS)  # the directory's own reader: the same 400s as the page
    return map_data(readable, directory_filters(readable, request), request)


def map_data(readable, filters, request) -> list[dict]:
    """The markers (only the fields a marker shows), computed once per content version,
    language and filters."""
    valid = filters.applied()
    vary = (only_own_language(request), *(valid.get(name) or "" for name in ("country", "level", "status")))

    def compute():
        fields = ("title", "url_path", "locale", "latitude", "longitude", "city", "country", "status")
        placed = filters.filter(readable).filter(latitude__isnull=False, longitude__isnull=False)
        return map_points(placed.select_related("locale").only(*fields).order_by("title", "pk"))

    return fragments.cached(request, "lab-map-points", vary, compute)


def lab_context(lab, request) -> dict:
    """The lab's programmes (any language, one per programme) and methods, kept per content
    version and publication of the lab (the same for every reader)."""
    locale = active_locale(lab)

    def compute():
        public = public_q(private_section_paths(request))
        programmes = lab.programmes.model.objects.live().filter(public, labs__translation_key=lab.translation_key)
        programmes = (
            best_translations(programmes.distinct(), locale)
            .select_related("locale")
            .only(*link_fields("", "start_year", "end_year"))
            .order_by("-start_year", "title")
        )
        return list(programmes), list(Method.objects.filter(pk__in=related_ids(lab.methods)))

    programmes, methods = fragments.cached(request, "lab-links", (lab.pk, lab.live_revision_id), compute)
    return {
        "programmes": programmes,
        "methods": methods,
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
