"""Lists of practices (a lab's, a programme's, the home page's), without a query per card."""

from django.db.models import Prefetch
from wagtail.models import Locale

from labs.models import LabPage
from practices.models import PracticePage
from praxis import pagination
from praxis.services.translations import localized_pages
from praxis.visibility import best_translations, private_section_paths, public_q, readable_translations
from taxonomy.models import PolicyArea, TerritoryType

PAGE_SIZE = 20


def public_practices(paths: list[str] | None = None):
    """Live practices outside every private section (``paths``: looked up when not given)."""
    paths = private_section_paths() if paths is None else paths
    return PracticePage.objects.live().filter(public_q(paths))


def with_card_data(queryset, private_paths=None):
    """Everything a practice card shows, fetched in a fixed number of queries.

    ``private_paths`` (``praxis.visibility.private_section_paths``) saves the query Wagtail's
    ``public()`` makes to find the private sections, when the caller already has them."""
    labs = LabPage.objects.live()
    labs = labs.public() if private_paths is None else labs.filter(public_q(private_paths))
    return queryset.select_related("locale").prefetch_related(
        Prefetch("labs", queryset=labs.select_related("locale")),
        Prefetch("policy_areas", queryset=PolicyArea.objects.all()),
        Prefetch("territory_types", queryset=TerritoryType.objects.all()),
    )


def localize_card_labs(practices, locale):
    """Replace each card's labs by their translations in ``locale`` (one query for all)."""
    all_labs = [lab for practice in practices for lab in practice.labs.all()]
    localized = dict(zip((lab.pk for lab in all_labs), localized_pages(all_labs, locale), strict=True))
    for practice in practices:
        practice.card_labs = [localized[lab.pk] for lab in practice.labs.all()]
    return practices


def paginate(items, request, per_page=PAGE_SIZE):
    return pagination.paginate(items, request, per_page)


# What a practice card shows (includes/practice_card.html); the long texts stay in the database.
CARD_FIELDS = (
    "title",
    "url_path",
    "translation_key",
    "locale",
    "locale__language_code",
    "summary",
    "territory_name",
    "country",
    "lifecycle_stage",
    "start_year",
    "first_published_at",
)


def practice_cards(queryset, request, locale=None):
    """A page of cards (``?page=``; a bad number gives the first or last page).

    The ordered ids of every card come in one query (one column); only the cards of the
    requested page are loaded, with their card fields, labs and terms.
    """

    locale = locale or Locale.get_active()
    ordered = readable_translations(queryset, request, locale).order_by("-first_published_at", "pk")
    page = paginate(list(ordered.values_list("pk", flat=True)), request)
    cards = with_card_data(PracticePage.objects.filter(pk__in=page.object_list), private_section_paths(request))
    by_id = {practice.pk: practice for practice in cards.only(*CARD_FIELDS)}
    page.object_list = localize_card_labs([by_id[pk] for pk in page.object_list if pk in by_id], locale)
    return page


def lab_practices(lab, request, locale):
    """A page of the lab's live, public practices (any language, one per practice)."""
    practices = public_practices().filter(labs__translation_key=lab.translation_key).distinct()
    return practice_cards(practices, request, locale)


def programme_practices(programme, request, locale):
    """A page (``?page=``) of the programme's live, public practices, one per translation
    group, by title: one count and one page of links, whatever the programme's size."""
    practices = PracticePage.objects.live().filter(
        public_q(private_section_paths(request)), programme__translation_key=programme.translation_key
    )
    ordered = best_translations(practices, locale).select_related("locale").order_by("title", "pk")
    return paginate(ordered.only(*PROGRAMME_LINK_FIELDS), request)


PROGRAMME_LINK_FIELDS = ("title", "url_path", "translation_key", "locale", "locale__language_code", "territory_name")
