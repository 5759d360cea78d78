from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("Saved searches, alerts, follows and selections")

    def ready(self):
        # Modules with models load once the registry is ready.
        from alerts import data
        from alerts.tasks import queue_after_publication
        from practices.models import PracticePage
        from praxis.services.publishing import Stage, register_step

        register_step(Stage.NOTIFY, queue_after_publication, model=PracticePage)
        # The members' export and erasure registry (members.data) comes with the accounts.
        try:
            registry = import_module("members.data")
        except ImportError:
            registry = None
        if hasattr(registry, "register_export"):
            registry.register_export(data.export)
        if hasattr(registry, "register_erasure"):
            registry.register_erasure(data.erase)
