from pathlib import Path

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PraxisConfig(AppConfig):
    name = "praxis"
    verbose_name = _("Praxis site")
    # The folder site/. Under pytest, "praxis" itself resolves to tests/praxis (a namespace package,
    # tests/ being on sys.path), which would hide this app's management commands from the tests.
    path = str(Path(__file__).resolve().parent)

    def ready(self):
        from praxis import images, signals
        from praxis.services.locales import sync_locales

        post_migrate.connect(sync_locales, sender=self)
        signals.connect()
        images.connect()
