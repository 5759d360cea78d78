"""The practices of one results page, with what a result card (and a feed item) shows,
in four small queries whatever the number of cards, labs or terms.

Django's ``prefetch_related`` through modelcluster's many-to-many managers cost about
0.5 ms per card (a queryset built per practice and relation); here the relations come
in one ``UNION ALL`` of (relation, practice, target) ids, the terms from the
vocabularies the search has already loaded, and the labs in one query. The terms are
attached the way modelcluster holds relations in memory, so ``practice.policy_areas.all()``
works in templates without a query.
"""

from collections import defaultdict

from django.db.models import CharField, Value

from labs.models import LabPage
from practices.models import PracticePage
from practices.services.listing import CARD_FIELDS
from praxis.services.translations import localized_pages
from praxis.visibility import link_fields, private_section_paths, public_q
from search.backends.base import IdList
from search.services.facets import RELATIONS, Vocabulary, through

TERRITORY_FIELDS = ("level", "code", "name", "population", "population_log", "zone", "epci_type")
FIELDS = (
    *CARD_FIELDS,
    "last_published_at",
    "reference_territory",
    *(f"reference_territory__{name}" for name in (*TERRITORY_FIELDS, "region", "departement")),
)


def result_cards(ids: list[int], locale, vocabulary: Vocabulary, request=None) -> list[PracticePage]:
    """The practices ``ids``, in that order, each with its terms and ``card_labs`` (live,
    public, in the reader's language when translated)."""
    if not ids:
        return []
    practices = (
        PracticePage.objects.filter(pk__in=IdList(ids)).select_related("locale", "reference_territory").only(*FIELDS)
    )
    by_id = {practice.pk: practice for practice in practices}
    related = _related_ids(ids)
    lab_ids = {target for _practice, target in related["lab"]}
    labs = LabPage.objects.live().filter(public_q(private_section_paths(request)), pk__in=IdList(lab_ids))
    labs = {lab.pk: lab for lab in labs.select_related("locale").only(*link_fields())}
    localized = dict(zip(labs, localized_pages(labs.values(), locale), strict=True))
    for practice in by_id.values():
        practice._cluster_related_objects = {}
    for name, relation in RELATIONS.items():
        terms = {term.pk: term for term in vocabulary.terms[name].values()}  # in the vocabulary's order
        position = {pk: index for index, pk in enumerate(terms)}
        chosen = defaultdict(list)
        for practice_id, term_id in sorted(related[name], key=lambda pair: position.get(pair[1], -1)):
            if term_id in terms:
                chosen[practice_id].append(terms[term_id])
        for pk, practice in by_id.items():
            practice._cluster_related_objects[relation] = chosen[pk]
    card_labs = defaultdict(list)
    for practice_id, lab_id in related["lab"]:
        if lab_id in localized:
            card_labs[practice_id].append(localized[lab_id])
    ordered = [by_id[pk] for pk in ids if pk in by_id]
    for practice in ordered:
        practice.card_labs = sorted(card_labs[practice.pk], key=lambda lab: lab.title.casefold())
    return ordered


def _related_ids(ids: list[int]) -> dict[str, list[tuple[int, int]]]:
    """``{relation facet: [(practice id, target id)]}`` for the taxonomies and the labs, in one query."""
    branches = []
    for name, relation in [*RELATIONS.items(), ("lab", "labs")]:
        model, column = through(relation)
        branches.append(
            model.objects.filter(practicepage_id__in=IdList(ids))
            .annotate(relation=Value(name, CharField()))
            .order_by()
            .values_list("relation", "practicepage_id", column)
        )
    found = {name: [] for name in [*RELATIONS, "lab"]}
    for name, practice_id, target_id in branches[0].union(*branches[1:], all=True):
        found[name].append((practice_id, target_id))
    return found
