"""Blocks of a practice: key figures, typed documents, sources, partners."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from practices.choices import DocumentType
from praxis.licences import Licence


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=40, help_text=_("The number, e.g. 8,000 or 35 %."))
    label = blocks.CharBlock(
        label=_("What it counts"), max_length=160, help_text=_("e.g. library cards for 20,000 inhabitants")
    )

    class Meta:
        icon = "order"
        label = _("Key figure")
        template = "blocks/key_figure_block.html"
        preview_value = {"value": "8 000", "label": "cartes de bibliothèque pour 20 000 habitants"}


class PracticeDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    kind = blocks.ChoiceBlock(label=_("Type"), choices=DocumentType.choices, default=DocumentType.OTHER)
    title = blocks.CharBlock(
        label=_("Title"), required=False, max_length=200, help_text=_("Leave empty to use the document's own title.")
    )
    licence = blocks.ChoiceBlock(label=_("Licence"), choices=Licence.choices, default=Licence.ETALAB)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/practice_document_block.html"


class SourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=250)
    url = blocks.URLBlock(label=_("Address"), required=False)
    publisher = blocks.CharBlock(label=_("Publisher"), required=False, max_length=200)
    date = blocks.DateBlock(label=_("Date"), required=False)

    class Meta:
        icon = "link"
        label = _("Source")
        template = "blocks/source_block.html"


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Partner"), max_length=200)
    role = blocks.CharBlock(
        label=_("Role"),
        required=False,
        max_length=200,
        help_text=_("What the partner brought, e.g. funding, field work."),
    )

    class Meta:
        icon = "group"
        label = _("Partner")
        template = "blocks/partner_block.html"
