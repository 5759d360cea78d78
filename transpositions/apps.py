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
        from discussions.answerers import register_answerer
        from members.data import register_erasure, register_export
        from practices.services.home import register_transposition_counter
        from practices.services.lineage import register_went_to
        from transpositions import data
        from transpositions.answerers import transposed_it
        from transpositions.services import counts, outcomes

        register_went_to(outcomes.lineage_entries)  # approved outcomes on the source practice
        register_transposition_counter(outcomes.approved_counts)  # and in "most transposed"
        register_answerer(transposed_it)  # those who transposed it answer its questions
        counts.connect()  # a plan's status changes the practice's public counts
        register_export(data.export)  # a member's plans in their data download
        register_erasure(data.erase)  # and what erasing their account does to them
