"""The vocabularies practices are classified by (methods live with labs)."""

from django.utils.translation import gettext_lazy as _

from praxis.taxonomy import BaseTaxonomy, taxonomy_panels


class PolicyArea(BaseTaxonomy):
    panels = taxonomy_panels()

    class Meta(BaseTaxonomy.Meta):
        verbose_name = _("policy area")
        verbose_name_plural = _("policy areas")


class TerritoryType(BaseTaxonomy):
    panels = taxonomy_panels()

    class Meta(BaseTaxonomy.Meta):
        verbose_name = _("territory type")
        verbose_name_plural = _("territory types")


class Instrument(BaseTaxonomy):
    """The public action instrument or procurement route: subsidy, call for projects..."""

    panels = taxonomy_panels()

    class Meta(BaseTaxonomy.Meta):
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")
