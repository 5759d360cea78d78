"""What a practice page shows: terms, labs, programme, lineage, contact."""

from wagtail.models import Locale

from practices.services.lineage import lineage
from praxis.services.access import can_see_contact_details
from praxis.services.translations import localized_pages


def practice_context(practice, request) -> dict:
    locale = Locale.get_active()
    labs = localized_pages(practice.labs.live().public().select_related("locale"), locale)
    programme = None
    if practice.programme_id:
        from labs.models import ProgrammePage

        found = ProgrammePage.objects.live().public().filter(pk=practice.programme_id)
        programme = next(iter(localized_pages(found, locale)), None)
    return {
        "policy_areas": list(practice.policy_areas.all()),
        "territory_types": list(practice.territory_types.all()),
        "instruments": list(practice.instruments.all()),
        "methods": list(practice.methods.all()),
        "labs": labs,
        "programme": programme,
        "show_contact_email": can_see_contact_details(getattr(request, "user", None)),
        **lineage(practice, locale),
    }
