"""Where a practice came from and where it went."""

from django.utils.translation import gettext as _
from wagtail.models import Locale

from praxis.services.translations import localized_pages


def lineage_errors(practice) -> list[str]:
    """Why the practice's "transposed from" list is impossible (self, duplicate, cycle)."""
    from practices.models import Transposition

    errors = []
    seen = set()
    for link in practice.transposed_from.all():
        source = link.source if link.source_id else None
        if source is None:
            continue
        if source.translation_key == practice.translation_key:
            errors.append(_("A practice cannot be transposed from itself."))
            continue
        if source.translation_key in seen:
            errors.append(_("“%(title)s” is listed twice as an original.") % {"title": source.title})
        seen.add(source.translation_key)
        # Walk up the source's own ancestry: reaching this practice means a cycle.
        frontier, visited = [source.translation_key], set()
        while frontier:
            key = frontier.pop()
            if key in visited:
                continue
            visited.add(key)
            parents = Transposition.objects.filter(practice__translation_key=key).values_list(
                "source__translation_key", flat=True
            )
            for parent_key in parents:
                if parent_key == practice.translation_key:
                    errors.append(
                        _("“%(title)s” already descends from this practice: transposing from it would make a cycle.")
                        % {"title": source.title}
                    )
                    frontier = []
                    break
                frontier.append(parent_key)
    return errors


def lineage(practice, locale: Locale | None = None) -> dict:
    """The practice's originals and the live, public practices transposed from it.

    A fixed number of queries, whatever the number of links.
    """
    from practices.models import PracticePage, Transposition

    locale = locale or Locale.get_active()
    origins = list(practice.transposed_from.select_related("source", "source__locale").all())
    visible = set(
        PracticePage.objects.live()
        .public()
        .filter(pk__in=[link.source_id for link in origins])
        .values_list("pk", flat=True)
    )
    origins = [link for link in origins if link.source_id in visible]
    localized_sources = localized_pages([link.source for link in origins], locale)
    came_from = [{"link": link, "practice": source} for link, source in zip(origins, localized_sources, strict=True)]

    # Where it went: links from any translation of a later practice, one per practice.
    public_targets = PracticePage.objects.live().public()
    links = (
        Transposition.objects.filter(source__translation_key=practice.translation_key, practice__in=public_targets)
        .select_related("practice", "practice__locale")
        .order_by("practice__translation_key", "practice_id")
    )
    chosen = {}
    for link in links:
        key = link.practice.translation_key
        current = chosen.get(key)
        if current is None or (link.practice.locale_id == locale.pk and current.practice.locale_id != locale.pk):
            chosen[key] = link
    went_to = [{"link": link, "practice": link.practice} for link in chosen.values()]
    went_to.sort(key=lambda item: item["practice"].title.lower())
    return {"came_from": came_from, "went_to": went_to}
