"""Practices shared by members: the guided submission in the public site (one step per section,
saved as the member goes, preview), co-authors, uploads checked by content, the review
workflow's emails to the submitter (above ``freshness``)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    name = "contributions"
    verbose_name = _("Practices shared by members")

    def ready(self):
        from contributions import data, signals  # reason: signal and registry wiring once apps are ready

        signals.connect()
        data.connect()
