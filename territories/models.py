"""The French administrative territories (régions, départements, EPCI, communes), loaded from
Etalab's *découpage administratif* by ``manage.py load_territories``, and the competence rules
that say which level of government holds which policy area."""

import math

from django.db import models
from django.utils.translation import gettext_lazy as _

from taxonomy.models import PolicyArea


class Level(models.TextChoices):
    REGION = "region", _("Région")
    DEPARTEMENT = "departement", _("Département")
    EPCI = "epci", _("Intercommunality (EPCI)")
    COMMUNE = "commune", _("Commune")


class Zone(models.TextChoices):
    METROPOLITAN = "metro", _("Metropolitan France")
    OVERSEAS = "overseas", _("Overseas")


class EpciType(models.TextChoices):
    CC = "CC", _("communauté de communes")
    CA = "CA", _("communauté d'agglomération")
    CU = "CU", _("communauté urbaine")
    METRO = "METRO", _("métropole")
    EPT = "EPT", _("établissement public territorial")


class Territory(models.Model):
    """One territory of the reference. ``code``: INSEE code (communes, départements, régions)
    or SIREN (EPCI), unique within a level. A territory missing from a newer dataset is kept,
    marked ``historical`` (a merged commune points at the commune it joined), so nothing that
    points at it loses its link."""

    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    code = models.CharField(_("code"), max_length=9, help_text=_("INSEE code, or SIREN for an EPCI."))
    name = models.CharField(_("name"), max_length=200)
    search_name = models.CharField(max_length=200, editable=False, db_index=True)  # territories.text.search_form
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_log = models.FloatField(null=True, blank=True, editable=False)  # log10, for the similarity
    zone = models.CharField(_("zone"), max_length=8, choices=Zone.choices, default=Zone.METROPOLITAN)
    epci_type = models.CharField(_("type of intercommunality"), max_length=5, choices=EpciType.choices, blank=True)
    region = models.ForeignKey(
        "self", verbose_name=_("région"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    departement = models.ForeignKey(
        "self", verbose_name=_("département"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    epci = models.ForeignKey(
        "self",
        verbose_name=_("intercommunality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    historical = models.BooleanField(
        _("historical"), default=False, help_text=_("No longer in the latest dataset (e.g. a merged commune).")
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The centre, for the map (``manage.py load_territory_centres``; départements, régions and
    # EPCI: the population-weighted centre of their communes). Decimal degrees, WGS 84.
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta:
        verbose_name = _("territory")
        verbose_name_plural = _("territories")
        ordering = ["level", "name"]
        constraints = [models.UniqueConstraint(fields=["level", "code"], name="territory_unique_code_per_level")]
        indexes = [
            models.Index(fields=["code"], name="territory_code"),
            models.Index(fields=["level", "epci_type", "population_log"], name="territory_kind_size"),
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"

    @property
    def kind(self) -> str:
        """The kind of authority in words: "communauté de communes", "commune", "département"."""
        if self.level == Level.EPCI and self.epci_type:
            return str(EpciType(self.epci_type).label)
        return str(Level(self.level).label).lower() if self.level != Level.EPCI else str(Level.EPCI.label)

    @property
    def is_overseas(self) -> bool:
        return self.zone == Zone.OVERSEAS

    def holder_at(self, level: str) -> "Territory | None":
        """The territory of ``level`` this one belongs to (itself if it is of that level)."""
        if level == self.level:
            return self
        return {Level.REGION: self.region, Level.DEPARTEMENT: self.departement, Level.EPCI: self.epci}.get(level)


def population_log(population: int | None) -> float | None:
    return round(math.log10(population), 4) if population else None


class CompetenceRule(models.Model):
    """Which level of government holds the competence of a policy area in France (reviewed in
    the admin; seeded with the usual split of competences). Several levels may share one."""

    policy_area = models.ForeignKey(
        PolicyArea, verbose_name=_("policy area"), on_delete=models.CASCADE, related_name="competence_rules"
    )
    level = models.CharField(_("level holding it"), max_length=12, choices=Level.choices)
    note = models.CharField(
        _("note"), max_length=300, blank=True, help_text=_("What exactly this level holds, e.g. collèges.")
    )

    class Meta:
        verbose_name = _("competence rule")
        verbose_name_plural = _("competence rules")
        ordering = ["policy_area__name", "level"]
        constraints = [models.UniqueConstraint(fields=["policy_area", "level"], name="competence_rule_unique")]

    def __str__(self):
        return f"{self.policy_area} → {self.get_level_display()}"


class TerritoryName(models.Model):
    """A search form of a territory's name from one of its words on (``saint etienne du rouvray``,
    ``etienne du rouvray``, ``du rouvray``, ``rouvray``): the autocomplete finds a name by its
    beginning or a word's in one range of the index, which also holds the ranking columns."""

    territory = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    form = models.CharField(max_length=200)
    whole = models.BooleanField(default=False)  # the whole name, not a later word
    historical = models.BooleanField(default=False)
    population = models.PositiveIntegerField(null=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["form", "historical", "population", "whole", "territory"], name="territory_name_search"
            )
        ]


def name_forms(search_name: str) -> list[str]:
    words = search_name.split()
    return [" ".join(words[index:]) for index in range(len(words))]
