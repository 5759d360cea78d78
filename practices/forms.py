"""The practice's admin form: the shared relations, and the territory types its reference
territory suggests when the editor chose none."""

from praxis.forms import SharedRelationsPageForm
from taxonomy.models import TerritoryType
from territories.suggestions import suggested_type_slugs


class PracticePageForm(SharedRelationsPageForm):
    def clean(self):
        cleaned = super().clean()
        reference = cleaned.get("reference_territory")
        field = self.fields.get("territory_types")
        if reference is not None and field is not None and not field.disabled and not cleaned.get("territory_types"):
            cleaned["territory_types"] = TerritoryType.objects.filter(slug__in=suggested_type_slugs(reference))
        return cleaned
