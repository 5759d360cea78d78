"""Which pages a reader may see, and in which language: the one rule every listing, the
search, feeds, the API and exports share.

- Visibility: live pages outside every private section (``public_q``: Wagtail's
  ``.public()`` rule, with the private sections read once per content version in each
  process, ``praxis.services.versioned``).
- Language: one page per translation group, the one in the reader's language, else the
  original (the first created); only the pages written in the reader's language when they
  asked for that ("only content in my language"). Written once, in ``best_translations``.
- Links: what a link to a page needs, loaded and nothing more.
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction

from praxis.services import versioned
from praxis.services.fragments import content_version
from praxis.services.language import only_own_language


def active_locale(page=None) -> Locale:
    """The active language's Locale: the page's own when they match (it is loaded anyway
    for ``<html lang>``), else Wagtail's look-up."""
    if page is not None and page.locale.language_code == translation.get_language():
        return page.locale
    return Locale.get_active()


@dataclass(frozen=True)
class Restrictions:
    """The site's view restrictions, as paths."""

    private_paths: tuple[str, ...]  # pages under a view restriction: they and their descendants are private
    checked_paths: frozenset[str]  # those and their aliases: where Wagtail's own check applies


def _read_restrictions() -> Restrictions:
    rows = list(PageViewRestriction.objects.values_list("page_id", "page__path"))
    private = tuple(sorted({path for _pk, path in rows}))
    checked, sources = set(private), {pk for pk, _path in rows}
    while sources:  # Wagtail checks an alias against its source's restrictions
        aliases = [(pk, path) for pk, path in Page.objects.filter(alias_of__in=sources).values_list("pk", "path")]
        sources = {pk for pk, path in aliases if path not in checked}
        checked.update(path for _pk, path in aliases)
    return Restrictions(private, frozenset(checked))


def restrictions(request=None) -> Restrictions:
    """The view restrictions of the current content version (read once in this process)."""
    return versioned.kept("view-restrictions", content_version(request), _read_restrictions)


def private_section_paths(request=None) -> list[str]:
    """Tree paths of the pages under a view restriction (their descendants are private too)."""
    return list(restrictions(request).private_paths)


def is_private(page, request=None) -> bool:
    """Whether ``page`` is in a private section, as ``PageQuerySet.public()`` decides."""
    return page.path.startswith(restrictions(request).private_paths)


def may_be_restricted(page, request=None) -> bool:
    """Whether a view restriction may apply to ``page`` as Wagtail's ``get_view_restrictions``
    finds them (on the page or an ancestor, or on the source of an alias among them); when
    False, none does."""
    checked = restrictions(request).checked_paths
    steps = Page.steplen
    return any(page.path[:end] in checked for end in range(steps, len(page.path) + 1, steps))


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
