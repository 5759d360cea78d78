"""Where a practice came from and where it went."""

from django.utils.translation import gettext as _
from wagtail.models import Locale

from practices.models.lineage import Transposition
from praxis.services.translations import localized_pages
from praxis.visibility import link_fields, private_section_paths, public_q


def lineage_errors(practice) -> list[str]:
    """Why the practice's "transposed from" list is impossible (self, duplicate, cycle)."""
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


# Extension point: where a practice went without becoming another practice page here. Higher
# layers register ``fn(practice, locale) -> list[dict]`` from their ``AppConfig.ready()``
# (``transpositions``: outcomes shared back by members and approved). Each item names the
# ``template`` that renders it inside the "Transposed to" list, and carries what it needs;
# items are kept in the practice's cached fragment, so they hold plain, picklable data.
_went_to_providers = []


def register_went_to(provider):
    if provider not in _went_to_providers:
        _went_to_providers.append(provider)
    return provider


def went_elsewhere(practice, locale: Locale) -> list[dict]:
    return [item for provider in _went_to_providers for item in provider(practice, locale)]


# What a lineage item shows of the link itself.
LINK_FIELDS = ("what_changed", "outcome", "result", "locale", "sort_order")


def lineage(practice, locale: Locale | None = None, private_paths: list[str] | None = None) -> dict:
    """The practice's live, public originals and the live, public practices transposed from it,
    each in the active language when translated.

    Two queries whatever the number of links (three when an original is in another language),
    plus what each registered provider of ``went_elsewhere`` runs (one query each).
    """
    shown = ("territory_name", "country")  # besides the link, each item names the territory

    locale = locale or Locale.get_active()
    if private_paths is None:
        private_paths = private_section_paths()
    public = public_q(private_paths)

    # Where it came from: the links this page holds, with their live, public originals.
    if "transposed_from" in getattr(practice, "_cluster_related_objects", {}):
        # A preview: the links are in memory, not in the database yet.
        origins = [link for link in practice.transposed_from.all() if link.source_id]
        sources = {
            page.pk: page
            for page in type(practice)
            .objects.live()
            .filter(public, pk__in=[link.source_id for link in origins])
            .select_related("locale")
        }
        origins = [link for link in origins if link.source_id in sources]
        for link in origins:
            link.source = sources[link.source_id]
    else:
        origins = list(
            Transposition.objects.filter(practice=practice, source__live=True)
            .filter(public_q(private_paths, prefix="source__"))
            .select_related("source", "source__locale")
            .only(*LINK_FIELDS, "source", *link_fields("source__", *shown))
            .order_by("sort_order", "pk")
        )
    localized_sources = localized_pages([link.source for link in origins], locale)
    came_from = [{"link": link, "practice": source} for link, source in zip(origins, localized_sources, strict=True)]

    # Where it went: links from any translation of a later practice, one per practice.
    links = (
        Transposition.objects.filter(source__translation_key=practice.translation_key, practice__live=True)
        .filter(public_q(private_paths, prefix="practice__"))
        .select_related("practice", "practice__locale")
        .only(*LINK_FIELDS, "practice", *link_fields("practice__", *shown))
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
    return {"came_from": came_from, "went_to": went_to, "went_elsewhere": went_elsewhere(practice, locale)}
