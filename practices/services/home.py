"""What the home page shows of the knowledge base: latest and most transposed
practices, and entry points by policy area and territory type."""

from django.db.models import Count, Q
from wagtail.models import Locale

from practices.models import Transposition
from practices.services.listing import localize_card_labs, public_practices, with_card_data
from praxis.visibility import best_translations
from taxonomy.models import PolicyArea, TerritoryType

LATEST = 6
MOST_TRANSPOSED = 4


def terms_with_counts(model):
    """Terms with the number of live, public practices (one per translation group)."""
    public = public_practices()
    return list(
        model.objects.annotate(
            practice_count=Count(
                "practices__translation_key", distinct=True, filter=Q(practices__in=public.values("pk"))
            )
        ).order_by("sort_order", "name")
    )


# Extension point: other ways a practice is transposed than a later practice page linking to it.
# Higher layers register ``fn(public_practices) -> {translation_key: count}`` from their
# ``AppConfig.ready()`` (``transpositions``: one per approved outcome shared back by a member).
_count_providers = []


def register_transposition_counter(provider):
    if provider not in _count_providers:
        _count_providers.append(provider)
    return provider


def transposition_counts(public, limit: int) -> dict:
    """The ``limit`` practices transposed most (translation key -> territories), every source counted."""
    ranking = (
        Transposition.objects.filter(practice__in=public.values("pk"), source__in=public.values("pk"))
        .values("source__translation_key")
        .annotate(transpositions=Count("practice__translation_key", distinct=True))
        .order_by("-transpositions", "source__translation_key")
    )
    if not _count_providers:
        return {row["source__translation_key"]: row["transpositions"] for row in ranking[:limit]}
    counts = {row["source__translation_key"]: row["transpositions"] for row in ranking}
    for provider in _count_providers:
        for key, count in provider(public).items():
            counts[key] = counts.get(key, 0) + count
    best = sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))[:limit]
    return dict(best)


def most_transposed(locale, limit=MOST_TRANSPOSED):
    public = public_practices()
    counts = transposition_counts(public, limit)
    practices = list(with_card_data(best_translations(public.filter(translation_key__in=counts), locale)))
    localize_card_labs(practices, locale)
    for practice in practices:
        practice.transposition_count = counts[practice.translation_key]
    practices.sort(key=lambda practice: (-practice.transposition_count, practice.title.lower()))
    return practices


def home_sections(request) -> dict:
    locale = Locale.get_active()
    latest = list(
        with_card_data(best_translations(public_practices(), locale)).order_by("-first_published_at", "pk")[:LATEST]
    )
    localize_card_labs(latest, locale)
    return {
        "latest_practices": latest,
        "most_transposed": most_transposed(locale),
        "policy_areas": [term for term in terms_with_counts(PolicyArea) if term.practice_count],
        "territory_types": [term for term in terms_with_counts(TerritoryType) if term.practice_count],
        "active_locale": locale,
    }
