from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabsConfig(AppConfig):
    name = "labs"
    verbose_name = _("Labs and programmes")

    def ready(self):
        from labs import opendata
        from labs.models import LabIndexPage, LabPage, ProgrammePage
        from praxis.services import warming

        opendata.register()  # the labs' dataset in the open-data dump
        for model in (LabIndexPage, ProgrammePage):  # renewed by the worker after a change
            warming.register(warming.pages_of(model))
        warming.register(warming.pages_of(LabPage), later=True)
