"""Create the site skeleton: locales, a French home page, its translations, the Site.

Idempotent: running it again changes nothing. Used by ``load_demo`` and the tests.
"""

from django.conf import settings
from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from praxis.models import HomePage
from praxis.services.locales import sync_locales

HOME_TITLE = "Praxis"
HOME_INTROS = {
    "fr": (
        "Les pratiques inspirantes des laboratoires d'innovation publique, "
        "décrites pour être retrouvées, comparées et transposées."
    ),
    "en": (
        "The inspiring practices of public innovation labs, "
        "described so that others can find, compare and transpose them."
    ),
}
HOME_INTRO = HOME_INTROS["fr"]


@transaction.atomic
def ensure_site(hostname: str = "localhost", port: int = 80) -> HomePage:
    """Return the French home page, creating the site around it if needed.

    Also recreates the tree's root page and the root collection when an emptied
    database has lost them (a flushed test database, for instance).
    """
    sync_locales()
    french = Locale.objects.get(language_code="fr")
    home = HomePage.objects.filter(locale=french).first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root", locale=french)
        # Wagtail's first migration leaves a placeholder "Welcome" page: replace it.
        for placeholder in root.get_children().filter(
            content_type__model="page", content_type__app_label="wagtailcore"
        ):
            placeholder.delete()
        home = root.add_child(instance=HomePage(title=HOME_TITLE, slug="accueil", intro=HOME_INTRO, locale=french))
        home.save_revision().publish()
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="Praxis")
    elif site.root_page_id != home.id:
        site.root_page = home
        site.site_name = site.site_name or "Praxis"
        site.save()
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code != "fr":
            translation = ensure_translation(home, Locale.objects.get(language_code=code)).specific
            # A copied home page starts with the French introduction: give it its own language's.
            if translation.intro == HOME_INTRO and code in HOME_INTROS:
                translation.intro = HOME_INTROS[code]
                translation.save_revision().publish()
    return home


def ensure_translation(page: Page, locale: Locale) -> Page:
    """The page's translation in ``locale``, copied from the source and published if new."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing
    translation = page.copy_for_translation(locale, copy_parents=True, alias=False)
    translation.save_revision().publish()
    return translation
