from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Practices")

    def ready(self):
        from practices.models import Transposition
        from praxis.services import fragments

        fragments.watch(Transposition)  # lineage links, also written outside a publication
