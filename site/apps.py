from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PraxisConfig(AppConfig):
    name = "praxis"
    verbose_name = _("Praxis site")

    def ready(self):
        from praxis import signals
        from praxis.services.locales import sync_locales

        post_migrate.connect(sync_locales, sender=self)
        signals.connect()
