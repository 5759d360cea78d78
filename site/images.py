"""Image renditions are made when a page is published, never in a reader's request.

Templates use only the filter specs listed here; publishing a page generates
them for every image the page shows (its logo and the images of its StreamFields): a
step of the publish pipeline (``praxis.services.publishing``).
"""

from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage

LOGO_FILTERS = ("max-160x80", "max-240x120")
FIGURE_FILTERS = ("width-960",)


def images_in(value):
    """Every image inside a StreamField value, however deeply nested."""
    if isinstance(value, AbstractImage):
        yield value
    elif isinstance(value, StreamValue):
        for child in value:
            yield from images_in(child.value)
    elif isinstance(value, StructValue):
        for sub in value.values():
            yield from images_in(sub)
    elif isinstance(value, list | tuple | ListValue):
        for item in value:
            yield from images_in(item)


def images_to_render(page):
    """(image, filter specs) pairs for everything the page's templates show."""
    logo = getattr(page, "logo", None)
    if isinstance(logo, AbstractImage):
        yield logo, LOGO_FILTERS
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            for image in images_in(getattr(page, field.name)):
                yield image, FIGURE_FILTERS


def pregenerate_renditions(page) -> int:
    """Create the renditions the page's templates will ask for; returns how many."""
    count = 0
    for image, filters in images_to_render(page):
        image.get_renditions(*filters)
        count += len(filters)
    return count
