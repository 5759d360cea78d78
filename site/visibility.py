"""Which pages a reader may see, and in which language: the one rule every listing, the
search, feeds, the API and exports share.

- Visibility: live pages outside every private section (``public_q``: Wagtail's
  ``.public()`` rule, with the private sections looked up once per request).
- Language: one page per translation group, the one in the reader's language, else the
  original (the first created); only the pages written in the reader's language when they
  asked for that ("only content in my language"). Written once, in ``best_translations``.
- Links: what a link to a page needs, loaded and nothing more.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import translation
from wagtail.models import Locale, PageViewRestriction

from praxis.services.language import only_own_language


def active_locale(page=None) -> Locale:
    """The active language's Locale: the page's own when they match (it is loaded anyway
    for ``<html lang>``), else Wagtail's look-up."""
    if page is not None and page.locale.language_code == translation.get_language():
        return page.locale
    return Locale.get_active()


def private_section_paths(request=None) -> list[str]:
    """Tree paths of the pages under a view restriction (their descendants are private too).

    One query, kept on ``request`` so a page's several look-ups share it (Wagtail's
    ``.public()`` runs this query again for every queryset).
    """
    paths = getattr(request, "_praxis_private_paths", None)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        if request is not None:
            request._praxis_private_paths = paths
    return paths


def public_q(paths, prefix: str = "") -> Q:
    """Matches pages outside every private section; ``prefix`` reaches a related page
    (e.g. ``"source__"``). Same rule as Wagtail's ``PageQuerySet.public()``."""
    private = Q()
    for path in paths:
        private |= Q(**{f"{prefix}path__startswith": path})
    return ~private if paths else Q()


def best_translations(pages, locale: Locale | None = None, *, earlier_among=None):
    """One page per translation group of ``pages``: the one in ``locale`` if there is one,
    else the original (the first created). ``pages`` is a page queryset already restricted
    (live, public...); the result is still a queryset, so ordering, counting and pagination
    stay in SQL.

    Written as two anti-joins on the (translation key, locale) index: a page in ``locale``
    is kept as it is, a page in another language only when its group has no page of
    ``pages`` in ``locale`` and no page created before it. "Not this page" (always true
    there) keeps PostgreSQL from hashing every page of the reader's language first.
    ``earlier_among``: where to look for earlier translations when it is cheaper than
    ``pages`` (the search passes the readable pages of every type: without the page type,
    SQLite does not scan the type's pages for each one).
    """
    locale = locale or Locale.get_active()
    earlier_among = pages if earlier_among is None else earlier_among
    in_locale = pages.filter(translation_key=OuterRef("translation_key"), locale=locale).exclude(pk=OuterRef("pk"))
    earlier = earlier_among.filter(translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk"))
    return pages.filter(Q(locale=locale) | (~Exists(in_locale) & ~Exists(earlier)))


def readable_translations(pages, request, locale: Locale | None = None, **options):
    """One page per translation group for this reader: ``best_translations``, or only the
    pages written in ``locale`` when the reader asked for their language only."""
    locale = locale or Locale.get_active()
    if only_own_language(request):
        return pages.filter(locale=locale)
    return best_translations(pages, locale, **options)


# What a link to a page needs: its title, its URL, and its language (lang attribute,
# fallback badge, localisation). Loading only these makes link look-ups much cheaper.
PAGE_LINK_FIELDS = ("title", "url_path", "translation_key", "locale", "locale__language_code")


def link_fields(prefix: str = "", *extra: str) -> list[str]:
    """``only()`` arguments for page links, optionally through a relation (``"source__"``)."""
    return [f"{prefix}{name}" for name in (*PAGE_LINK_FIELDS, *extra)]


def related_ids(manager):
    """The pks of a many-to-many relation: a subquery when it is in the database, a list when
    it is held in memory (a preview), so one query serves both."""
    related = manager.all()
    return related.values("pk") if isinstance(related, QuerySet) else [item.pk for item in related]
