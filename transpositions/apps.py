"""Transposition workspace: members plan how to bring a practice to their territory, with the
colleagues they invite, get a note for their elected officials, and share what happened
(above ``discussions``: those who transposed a practice may answer its questions)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranspositionsConfig(AppConfig):
    name = "transpositions"
    verbose_name = _("Transposition plans")

    def ready(self):
        pass
