from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class FunderBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Funder"), max_length=200)
    amount = blocks.DecimalBlock(label=_("Amount"), required=False, min_value=0, decimal_places=2)
    currency = blocks.ChoiceBlock(
        label=_("Currency"),
        choices=[("EUR", "EUR"), ("USD", "USD"), ("DKK", "DKK"), ("GBP", "GBP")],
        default="EUR",
    )
    note = blocks.CharBlock(label=_("Note"), required=False, max_length=250, help_text=_("What the money paid for."))

    class Meta:
        icon = "tag"
        label = _("Funder")
        template = "blocks/funder_block.html"
