"""Pages across languages: the original of a translation group, localised look-ups,
and relations shared by every translation.

wagtail-localize does not carry many-to-many fields into translations. Pages list
the relations every translation must share in ``shared_relations``; the original
page (the first created in its translation group) owns them, and publishing any
page of the group copies the original's values to the others.
"""

from collections.abc import Iterable

from django.db import transaction
from wagtail.models import Locale, Page


def original_of(page: Page) -> Page:
    """The first-created page of ``page``'s translation group (its own specific class)."""
    model = type(page)
    return model.objects.filter(translation_key=page.translation_key).order_by("pk").first() or page


def is_original(page: Page) -> bool:
    return page.pk is None or original_of(page).pk == page.pk


@transaction.atomic
def sync_shared_relations(page: Page) -> None:
    """Make every page of ``page``'s group carry the original's shared relations."""
    fields = getattr(type(page), "shared_relations", ())
    if not fields:
        return
    model = type(page)
    group = list(model.objects.filter(translation_key=page.translation_key).order_by("pk"))
    if len(group) < 2:
        return
    original, translations = group[0], group[1:]
    for field_name in fields:
        values = set(getattr(original, field_name).values_list("pk", flat=True))
        for translation in translations:
            manager = getattr(translation, field_name)
            if set(manager.values_list("pk", flat=True)) != values:
                manager.set(values)
                manager.commit()  # ParentalManyToManyField defers writes until told


def localized_pages(pages: Iterable[Page], locale: Locale | None = None) -> list[Page]:
    """Each page replaced by its live translation in ``locale`` when there is one.

    One query whatever the number of pages; the order is kept.
    """
    pages = list(pages)
    locale = locale or Locale.get_active()
    if not pages:
        return []
    keys = {page.translation_key for page in pages if page.locale_id != locale.pk}
    if not keys:
        return pages
    model = type(pages[0]) if len({type(page) for page in pages}) == 1 else Page
    translations = {
        page.translation_key: page for page in model.objects.live().filter(translation_key__in=keys, locale=locale)
    }
    return [page if page.locale_id == locale.pk else translations.get(page.translation_key, page) for page in pages]
