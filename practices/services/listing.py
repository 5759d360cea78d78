"""Lists of practices: the index page and a lab's practices, without a query per card."""

from django.apps import apps
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Prefetch
from wagtail.models import Locale

from practices.models.taxonomy import PolicyArea, TerritoryType
from praxis.services.language import language_choice, readable_translations
from praxis.services.translations import localized_pages

PAGE_SIZE = 20


def public_practices():
    from practices.models import PracticePage

    return PracticePage.objects.live().public()


def with_card_data(queryset, private_paths=None):
    """Everything a practice card shows, fetched in a fixed number of queries.

    ``private_paths`` (``labs.services.private_section_paths``) saves the query Wagtail's
    ``public()`` makes to find the private sections, when the caller already has them."""
    from labs.models import LabPage
    from labs.services import public_q

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


def paginate(queryset, request, per_page=PAGE_SIZE):
    paginator = Paginator(queryset, per_page)
    number = request.GET.get("page", 1)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


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
    from labs.services import private_section_paths
    from practices.models import PracticePage

    locale = locale or Locale.get_active()
    ordered = readable_translations(queryset, request, locale).order_by("-first_published_at", "pk")
    page = paginate(list(ordered.values_list("pk", flat=True)), request)
    cards = with_card_data(PracticePage.objects.filter(pk__in=page.object_list), private_section_paths(request))
    by_id = {practice.pk: practice for practice in cards.only(*CARD_FIELDS)}
    page.object_list = localize_card_labs([by_id[pk] for pk in page.object_list if pk in by_id], locale)
    return page


def practice_index_context(index_page, request) -> dict:
    # The knowledge base is listed by the search engine when it is installed (same scope,
    # order and filters as /search/); practices does not import search (dependency direction).
    if apps.is_installed("search"):
        return apps.get_app_config("search").practice_index_context(index_page, request)
    from labs.services import active_locale, private_section_paths, public_q
    from practices.models import PracticePage

    locale = active_locale(index_page)
    practices = PracticePage.objects.live().filter(public_q(private_section_paths(request)))
    page = practice_cards(practices, request, locale)
    return {"practices": page, "active_locale": locale, "language_choice": language_choice(request)}
