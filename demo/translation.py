"""English translations made through wagtail-localize, as a translator would make them.

For each French page: a TranslationSource is extracted from it, a Translation to English
is opened, and every source segment receives its English text as a StringTranslation.
The English texts come from an "English twin" of the page (the French page with the
English values set in memory), whose segments line up with the source's segments by
context path and order. The target page is then saved and published, so editors can
sync and edit it later in wagtail-localize's editor.
"""

from collections import defaultdict

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


class DemoTranslationError(ValueError):
    """The English data does not have the shape of the French data."""


def english() -> Locale:
    return Locale.objects.get(language_code="en")


def english_twin(page: Page, values: dict, children: dict):
    """The French page in memory with its translatable values in English."""
    twin = type(page).objects.get(pk=page.pk)
    for name, value in values.items():
        setattr(twin, name, value)
    for relation_name, rows in children.items():
        current = {str(child.translation_key): child for child in getattr(twin, relation_name).all()}
        copies = []
        for row in rows:
            row = dict(row)
            child = current[row.pop("translation_key")]
            for name, value in row.items():
                setattr(child, name, value)
            copies.append(child)
        setattr(twin, relation_name, copies)
    return twin


def paired_strings(source: TranslationSource, twin) -> list[tuple[StringSegment, str]]:
    """Each French string segment of ``source`` with its English text from ``twin``."""
    english_by_path = defaultdict(list)
    for segment in extract_segments(twin):
        if isinstance(segment, StringSegmentValue):
            english_by_path[segment.path].append(segment.string.data)
    french_by_path = defaultdict(list)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context").order_by("order"):
        french_by_path[segment.context.path].append(segment)
    mismatched = sorted(
        path
        for path in set(french_by_path) | set(english_by_path)
        if len(french_by_path[path]) != len(english_by_path[path])
    )
    if mismatched:
        raise DemoTranslationError(f"{source.object_repr}: French and English differ in shape at {mismatched}")
    return [
        (segment, text)
        for path, segments in french_by_path.items()
        for segment, text in zip(segments, english_by_path[path], strict=True)
    ]


def store_translations(pairs, locale: Locale) -> bool:
    """Save the English strings; True if any was new or different."""
    changed = False
    for segment, text in pairs:
        current = StringTranslation.objects.filter(
            translation_of=segment.string, locale=locale, context=segment.context
        ).first()
        if current is not None and current.data == text and not current.has_error:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "has_error": False,
            },
        )
        changed = True
    return changed


@transaction.atomic
def translate_page(page: Page, values: dict, *, children: dict | None = None, source_changed: bool, live: bool = True):
    """The English translation of the French ``page``, created or brought up to date.

    ``values`` holds the English value of every translatable field that the French page
    fills; ``children`` the English rows of its translatable child objects.
    """
    locale = english()
    source, _created = TranslationSource.update_or_create_from_instance(page)
    twin = english_twin(page, values, children or {})
    strings_changed = store_translations(paired_strings(source, twin), locale)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
    target = page.get_translation_or_none(locale)
    stale = target is None or source_changed or strings_changed or (live and not target.live)
    if stale:
        # publish=False, then publish here: wagtail-localize would publish on commit,
        # which never comes inside a test's transaction.
        translation.save_target(publish=False)
        target = page.get_translation(locale).specific
        if live:
            target.get_latest_revision().publish()
            target.refresh_from_db()
    return target.specific, stale
