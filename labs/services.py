"""What lab and programme pages show, in a fixed number of queries."""

from django.apps import apps
from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import translation
from wagtail.models import Locale, PageViewRestriction

from praxis.services.access import can_see_contact_details
from praxis.services.language import language_choice, readable_translations
from praxis.services.translations import best_translations, localized_pages


def active_locale(page=None) -> Locale:
    """The active language's Locale: the page's own when they match (it is loaded anyway
    for ``<html lang>``), else Wagtail's look-up."""
    if page is not None and page.locale.language_code == translation.get_language():
        return page.locale
    return Locale.get_active()


def private_section_paths(request=None) -> list[str]:
    """Tree paths of the pages under a view restriction (their descendants are private too).

    One query, kept on ``request`` so a page's several look-ups share it (Wagtail's
    ``.public()`` runs this query again for every queryset).
    """
    paths = getattr(request, "_praxis_private_paths", None)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        if request is not None:
            request._praxis_private_paths = paths
    return paths


def public_q(paths, prefix: str = "") -> Q:
    """Matches pages outside every private section; ``prefix`` reaches a related page
    (e.g. ``"source__"``). Same rule as Wagtail's ``PageQuerySet.public()``."""
    private = Q()
    for path in paths:
        private |= Q(**{f"{prefix}path__startswith": path})
    return ~private if paths else Q()


# What a link to a page needs: its title, its URL, and its language (lang attribute,
# fallback badge, localisation). Loading only these makes link look-ups much cheaper.
PAGE_LINK_FIELDS = ("title", "url_path", "translation_key", "locale", "locale__language_code")


def link_fields(prefix: str = "", *extra: str) -> list[str]:
    """``only()`` arguments for page links, optionally through a relation (``"source__"``)."""
    return [f"{prefix}{name}" for name in (*PAGE_LINK_FIELDS, *extra)]


def related_ids(manager):
    """The pks of a many-to-many relation: a subquery when it is in the database, a list when
    it is held in memory (a preview), so one query serves both."""
    related = manager.all()
    return related.values("pk") if isinstance(related, QuerySet) else [item.pk for item in related]


def public_labs():
    from labs.models import LabPage

    return LabPage.objects.live().public()


def with_lab_card_data(queryset):
    """Everything a lab card shows (locale, logo and its renditions) in a fixed number of queries."""
    from wagtail.images import get_image_model

    renditions = get_image_model().get_rendition_model().objects.all()
    return queryset.select_related("locale", "logo").prefetch_related(Prefetch("logo__renditions", queryset=renditions))


def lab_directory(index_page, request) -> dict:
    from labs.directory import LabDirectoryFilterForm, map_points

    locale = active_locale(index_page)
    readable = readable_translations(public_labs(), request, locale)
    countries = readable.order_by().values_list("country", flat=True).distinct()
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
    """The lab's practices (any language, one per practice) and programmes."""
    from labs.models import Method, ProgrammePage

    locale = active_locale(lab)
    public = public_q(private_section_paths(request))
    # Practices depend on labs, not the reverse: the practices app lists a lab's practices.
    practices = apps.get_app_config("practices").practices_of_lab(lab, request, locale)
    programmes = (
        best_translations(
            ProgrammePage.objects.live().filter(public, labs__translation_key=lab.translation_key).distinct(), locale
        )
        .select_related("locale")
        .only(*link_fields("", "start_year", "end_year"))
        .order_by("-start_year", "title")
    )
    return {
        "practices": practices,
        "programmes": list(programmes),
        "methods": list(Method.objects.filter(pk__in=related_ids(lab.methods))),
        "active_locale": locale,
        "show_contact_email": can_see_contact_details(getattr(request, "user", None)),
        "language_choice": language_choice(request),
    }


def programme_context(programme, request) -> dict:
    from labs.models import LabPage

    locale = active_locale(programme)
    public = public_q(private_section_paths(request))
    labs = localized_pages(
        LabPage.objects.live()
        .filter(public, pk__in=related_ids(programme.labs))
        .select_related("locale")
        .order_by("title"),
        locale,
    )
    PracticePage = apps.get_model("practices", "PracticePage")
    practices = (
        best_translations(
            PracticePage.objects.live().filter(public, programme__translation_key=programme.translation_key), locale
        )
        .select_related("locale")
        .order_by("title")
    )
    return {"labs": labs, "programme_practices": list(practices), "active_locale": locale}
