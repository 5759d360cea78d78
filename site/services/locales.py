"""Keep Wagtail's locales in step with the configured languages."""

from django.conf import settings


def sync_locales(**kwargs):
    """Create a Locale for every configured content language (post_migrate)."""
    from wagtail.models import Locale

    using = kwargs.get("using", "default")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)


def locale_codes() -> list[str]:
    """The language codes of the site's locales, sorted: what a ``?locale=`` parameter may name."""
    from wagtail.models import Locale

    return list(Locale.objects.order_by("language_code").values_list("language_code", flat=True))
