"""Shared StreamField blocks: one BaseStreamBlock used by every page body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        help_text=_("Keep the heading order: a level 3 follows a level 2."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"text": "Une démarche d'enquête participative", "level": "h2"}


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    attribution = blocks.CharBlock(label=_("Credit"), required=False, max_length=200)

    class Meta:
        icon = "image"
        template = "blocks/figure_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribute_name = blocks.CharBlock(label=_("Who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        preview_value = {"text": "On ne transpose pas une solution, on transpose une démarche.", "attribute_name": ""}


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        preview_value="<p>Un paragraphe de texte.</p>",
    )
    figure = FigureBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quotation"))
