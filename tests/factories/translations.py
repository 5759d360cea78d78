"""Translate a page as an editor would: a copy in the target locale, edited, then published."""

from wagtail.models import Locale, Page


def translate_page(page: Page, language_code: str, *, live: bool = True, **fields) -> Page:
    """``page``'s translation in ``language_code`` (created if missing) with ``fields`` set.

    Parents that are not translated yet are copied as aliases (Wagtail's behaviour).
    """
    locale = Locale.objects.get(language_code=language_code)
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale, copy_parents=True)
    translation = translation.specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    revision = translation.save_revision()
    if live:
        revision.publish()
        translation.refresh_from_db()
    return translation
