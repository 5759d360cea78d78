"""What the discovery app stores: the searches that found nothing (the knowledge base's gaps)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ZeroResultSearch(models.Model):
    """How many times a (normalised) query found nothing on one day, in one language.

    One row per query, language and day, so "the last 90 days" is a sum over rows.
    Written in batches off the request path (``search.services.zero_results``).
    """

    query = models.CharField(_("search"), max_length=200)
    language = models.CharField(_("language"), max_length=10)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(fields=["query", "language", "day"], name="search_zero_result_per_day"),
        ]
        indexes = [models.Index(fields=["day"], name="search_zero_result_day")]

    def __str__(self):
        return f"{self.query} ({self.language}, {self.day}): {self.count}"
