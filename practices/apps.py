from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Practices")

    def ready(self):
        from labs.models.lab import allow_under_labs
        from practices import opendata
        from practices.models import PracticeIndexPage, PracticePage, Transposition
        from praxis.services import fragments, warming

        allow_under_labs("practices.PracticePage")  # a lab files its practices under its page
        fragments.watch(Transposition)  # lineage links, also written outside a publication
        opendata.register()  # the practices' dataset in the open-data dump
        warming.register(warming.pages_of(PracticeIndexPage))  # renewed by the worker after a change
        warming.register(warming.recently_published(PracticePage), later=True)  # built before their first reader
