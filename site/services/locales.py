"""Keep Wagtail's locales in step with the configured languages."""

from django.conf import settings


def sync_locales(**kwargs):
    """Create a Locale for every configured content language (post_migrate)."""
    from wagtail.models import Locale

    using = kwargs.get("using", "default")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)
