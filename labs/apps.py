from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabsConfig(AppConfig):
    name = "labs"
    verbose_name = _("Labs and programmes")

    def ready(self):
        from labs import opendata

        opendata.register()  # the labs' dataset in the open-data dump
