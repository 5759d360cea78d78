"""Transposition workspace: members plan how to bring a practice to their territory, with the
colleagues they invite, get a note for their elected officials, and share what happened
(above ``discussions``: those who transposed a practice may answer its questions)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranspositionsConfig(AppConfig):
    name = "transpositions"
    verbose_name = _("Transposition plans")

    def ready(self):
        # Modules with models load once the registry is ready.
        from members.data import register_erasure, register_export
        from transpositions import data

        register_export(data.export)
        register_erasure(data.erase)
