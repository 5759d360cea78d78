"""Lists of practices: the index page and a lab's practices, without a query per card."""

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


def practice_cards(queryset, request, locale=None):
    """A page of cards (``?page=``; a bad number gives the first or last page)."""
    from labs.services import private_section_paths

    locale = locale or Locale.get_active()
    practices = with_card_data(
        readable_translations(queryset, request, locale), private_section_paths(request)
    ).order_by("-first_published_at", "pk")
    page = paginate(practices, request)
    localize_card_labs(list(page.object_list), locale)
    return page


def practice_index_context(index_page, request) -> dict:
    from labs.services import private_section_paths, public_q
    from practices.models import PracticePage

    locale = Locale.get_active()
    practices = PracticePage.objects.live().filter(public_q(private_section_paths(request)))
    page = practice_cards(practices, request, locale)
    return {"practices": page, "active_locale": locale, "language_choice": language_choice(request)}
