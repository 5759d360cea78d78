"""What a page that points at a reference territory (a practice, a lab) shares: the link and,
when the editor keeps a name or population of their own, the reason."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from territories.models import Territory


class ReferencedTerritory(models.Model):
    reference_territory = models.ForeignKey(
        Territory,
        verbose_name=_("reference territory"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,  # never deleted by a reload: a territory that left the dataset turns historical
        related_name="+",
        help_text=_(
            "The French commune, intercommunality, département or région, found by name or INSEE/SIREN code. "
            "Shared by every language. Leave empty for a territory abroad."
        ),
    )
    territory_override_reason = models.CharField(
        _("reason for a different name or population"),
        max_length=300,
        blank=True,
        help_text=_("Why the name or population differs from the reference, e.g. a neighbourhood of the commune."),
    )

    class Meta:
        abstract = True

    def reference_errors(self, name_field: str | None, population_field: str | None) -> dict:
        """Fill the name and population from the reference where empty; a different value needs a reason."""
        reference = self.reference_territory
        if reference is None:
            return {}
        errors = {}
        if getattr(self, "country", "FR") not in ("FR", None, ""):
            errors["reference_territory"] = [_("A reference territory is French: set the country to France.")]
        differs = []
        if name_field:
            if not getattr(self, name_field):
                setattr(self, name_field, reference.name)
            elif getattr(self, name_field).strip() != reference.name:
                differs.append(_("name"))
        if population_field:
            if getattr(self, population_field) is None:
                setattr(self, population_field, reference.population)
            elif reference.population is not None and getattr(self, population_field) != reference.population:
                differs.append(_("population"))
        if differs and not self.territory_override_reason.strip():
            errors["territory_override_reason"] = [
                _("The %(what)s differs from the reference territory (%(name)s, %(population)s inhabitants): say why.")
                % {
                    "what": " / ".join(str(what) for what in differs),
                    "name": reference.name,
                    "population": reference.population or "?",
                }
            ]
        return errors


def raise_errors(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)
