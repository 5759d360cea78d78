from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("Saved searches, alerts, follows and selections")

    def ready(self):
        # Modules with models load once the registry is ready.
        from alerts import data
        from alerts.tasks import queue_after_publication
        from members.data import register_erasure, register_export
        from practices.models import PracticePage
        from praxis.services.publishing import Stage, register_step

        register_step(Stage.NOTIFY, queue_after_publication, model=PracticePage)
        # What a member downloads and what goes with their account (members.data).
        register_export(data.export)
        register_erasure(data.erase)
