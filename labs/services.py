"""What lab and programme pages show, in a fixed number of queries."""

from django.apps import apps
from wagtail.models import Locale

from praxis.services.access import can_see_contact_details
from praxis.services.language import language_choice, readable_translations
from praxis.services.translations import best_translations, localized_pages


def public_labs():
    from labs.models import LabPage

    return LabPage.objects.live().public()


def lab_directory(index_page, request) -> dict:
    locale = Locale.get_active()
    labs = readable_translations(public_labs(), request, locale).select_related("locale", "logo").order_by("title")
    return {"labs": list(labs), "active_locale": locale, "language_choice": language_choice(request)}


def lab_context(lab, request) -> dict:
    """The lab's practices (any language, one per practice) and programmes."""
    from labs.models import ProgrammePage

    locale = Locale.get_active()
    # Practices depend on labs, not the reverse: the practices app lists a lab's practices.
    practices = apps.get_app_config("practices").practices_of_lab(lab, request, locale)
    programmes = (
        best_translations(
            ProgrammePage.objects.live().public().filter(labs__translation_key=lab.translation_key), locale
        )
        .select_related("locale")
        .order_by("-start_year", "title")
    )
    return {
        "practices": practices,
        "programmes": list(programmes),
        "methods": list(lab.methods.all()),
        "active_locale": locale,
        "show_contact_email": can_see_contact_details(getattr(request, "user", None)),
        "language_choice": language_choice(request),
    }


def programme_context(programme, request) -> dict:
    locale = Locale.get_active()
    labs = localized_pages(programme.labs.live().public().select_related("locale").order_by("title"), locale)
    PracticePage = apps.get_model("practices", "PracticePage")
    practices = (
        best_translations(
            PracticePage.objects.live().public().filter(programme__translation_key=programme.translation_key), locale
        )
        .select_related("locale")
        .order_by("title")
    )
    return {"labs": labs, "programme_practices": list(practices), "active_locale": locale}
