"""Lineage: a practice transposed from another one, with what changed and how it went."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin

from practices.choices import TranspositionOutcome


class Transposition(TranslatableMixin, Orderable):
    """``practice`` was transposed from ``source``."""

    practice = ParentalKey("practices.PracticePage", related_name="transposed_from", on_delete=models.CASCADE)
    source = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("original practice"),
        related_name="transpositions",
        on_delete=models.CASCADE,
        help_text=_("The practice this one was adapted from."),
    )
    what_changed = models.TextField(
        _("what changed"), blank=True, help_text=_("What was adapted to this territory, and why.")
    )
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=TranspositionOutcome.choices, default=TranspositionOutcome.ONGOING
    )
    result = models.TextField(_("result"), blank=True, help_text=_("How the transposition went, failures included."))

    panels = [
        FieldPanel("source"),
        FieldPanel("what_changed"),
        FieldRowPanel(
            [FieldPanel("outcome", help_text=_("How the transposition turned out so far; failures are worth telling."))]
        ),
        FieldPanel("result"),
    ]

    def save(self, *args, **kwargs):
        # A link lives in the language of the practice that holds it.
        if self.locale_id is None and self.practice_id is not None:
            self.locale_id = self.practice.locale_id
        super().save(*args, **kwargs)

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("transposition")
        verbose_name_plural = _("transpositions")
