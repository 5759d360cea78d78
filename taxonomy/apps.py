from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = _("Vocabularies")

    def ready(self):
        from praxis.services import fragments
        from taxonomy.models import Instrument, Method, PolicyArea, TerritoryType

        fragments.watch(PolicyArea, TerritoryType, Instrument, Method)  # term labels are shown on pages
