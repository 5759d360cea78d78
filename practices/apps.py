from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Practices")

    def ready(self):
        from practices.models import Transposition
        from praxis.services import fragments

        fragments.watch(Transposition)  # lineage links, also written outside a publication

    def practices_of_lab(self, lab, request, locale):
        """A page of the lab's live, public practices (any language, one per practice)."""
        from practices.services.listing import practice_cards, public_practices

        practices = public_practices().filter(labs__translation_key=lab.translation_key).distinct()
        return practice_cards(practices, request, locale)

    def home_context(self, request):
        """The practices part of the home page."""
        from practices.services.home import home_sections

        return home_sections(request)
