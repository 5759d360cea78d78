"""The facts of a search counted in memory (``search.services.tally``) are those the statement
gives (``search.services.facts``): every facet's counts, the total, every page in each order,
the results to rank, for every kind of filter alone and together, over the whole catalogue
and over part of it; the tally is read once per content version, shared through the cache,
and read again after a publication (SQLite and PostgreSQL)."""

from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from factories.search_data import practice
from wagtail.models import Page

from labs.models import LabPage
from practices.models import PracticePage
from praxis.services import fragments, versioned
from search.services.facets import Vocabulary, selection
from search.services.facts import search_facts
from search.services.params import parse
from search.services.tally import Tally, current
from taxonomy.models import Instrument, PolicyArea, TerritoryType


@pytest.fixture
def generated(db):
    """Forty generated practices (and their translations), with ties and gaps in both orders:
    six published at the same moment, two never, five verified the same day, some never."""
    call_command("generate_practices", 40, labs=4, translated=0.3, verbosity=0)
    ids = list(PracticePage.objects.live().order_by("pk").values_list("pk", flat=True))
    Page.objects.filter(pk__in=ids[:6]).update(first_published_at="2024-03-01T10:00:00Z")
    Page.objects.filter(pk__in=ids[6:8]).update(first_published_at=None)
    PracticePage.objects.filter(pk__in=ids[10:15]).update(last_verified=date(2025, 1, 2))
    PracticePage.objects.filter(pk__in=ids[15:22]).update(last_verified=None)
    return ids


def common(model, field="slug") -> str:
    """The value of ``model`` most practices have."""
    relation = {PolicyArea: "policy_areas", TerritoryType: "territory_types", Instrument: "instruments"}[model]
    return max(model.objects.all(), key=lambda term: PracticePage.objects.filter(**{relation: term}).count()).slug


def column(name: str) -> str:
    """A value of the practice column ``name`` that some practices have."""
    return PracticePage.objects.exclude(**{name: ""}).values_list(name, flat=True).order_by("pk").first()


def selections() -> list[dict]:
    lab = LabPage.objects.filter(locale__language_code="fr").order_by("pk").first()
    area, kind, instrument = common(PolicyArea), common(TerritoryType), common(Instrument)
    other_area = PolicyArea.objects.exclude(slug=area).order_by("pk").first().slug
    return [
        {},
        {"policy_area": area},
        {"policy_area": [area, other_area]},
        {"territory_type": kind, "instrument": instrument},
        {"policy_area": area, "territory_type": kind, "instrument": instrument},
        {"lab": str(lab.pk)},
        {"lab": str(lab.pk), "country": "FR"},
        {"country": ["FR", "DK"], "stage": column("lifecycle_stage")},
        {"evidence": column("evidence_level"), "competence": column("legal_competence")},
        {"budget": column("budget_range"), "policy_area": area},
        {"year_from": "2012", "year_to": "2019"},
        {"year_from": "2016", "verified": "recent"},
        {"verified": "recent", "instrument": instrument, "country": "FR"},
        {"year_from": "1900", "year_to": "1901", "policy_area": area},
    ]


def query(params: dict, sort: str) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in {**params, "sort": sort}.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    return data


def both(ids, params, *, ranked=False, start=0, stop=10, with_counts=True, total=None):
    """The facts of the statement and the tally's, for the scope ``ids``."""
    chosen = selection(params, Vocabulary.load())
    kwargs = {"ranked": ranked, "start": start, "stop": stop, "with_counts": with_counts, "total": total}
    by_statement = search_facts(Page.objects.filter(pk__in=ids), chosen, params, **kwargs)
    in_memory = Tally.load().facts(ids, chosen, params.effective_sort, **kwargs)
    return by_statement, in_memory


@pytest.mark.parametrize("part", ["whole", "part"])
def test_every_selection_counts_as_the_statement(generated, settings, subtests, part):
    settings.PRAXIS_FRESHNESS_MAX_AGE_DAYS = 1200  # some of the practices verified "recently"
    ids = generated if part == "whole" else generated[::3]
    for filters in selections():
        params = parse(query(filters, "newest"))
        with subtests.test(filters=filters):
            by_statement, in_memory = both(ids, params)
            assert in_memory.counts == by_statement.counts
            assert in_memory.total == by_statement.total
            assert in_memory.page_ids == by_statement.page_ids
    assert by_statement.total == 0  # the last selection keeps nothing (no year so early)
    counts = both(ids, parse(query({}, "newest")))[1].counts
    assert set(counts) >= {"policy_area", "territory_type", "instrument", "lab", "country", "stage", "year"}


@pytest.mark.parametrize("sort", ["newest", "verified", "title"])
def test_every_page_of_every_order_is_the_statements(generated, subtests, sort):
    """Ties (the same moment, the same day) and gaps (never published, never verified) ordered alike."""
    for filters in selections()[:5]:
        params = parse(query(filters, sort))
        for start, stop in [(0, 7), (7, 14), (14, 60), (50, 60)]:
            with subtests.test(filters=filters, start=start):
                by_statement, in_memory = both(generated, params, start=start, stop=stop, with_counts=False)
                assert in_memory.page_ids == by_statement.page_ids
    assert both(generated, parse(query({}, sort)), stop=60)[1].page_ids  # every page was compared, not empty ones


def test_the_results_to_rank_are_the_statements_and_a_known_total_is_kept(generated):
    params = parse(query({"policy_area": common(PolicyArea), "country": "FR"}, "relevance"))
    by_statement, in_memory = both(generated, params, ranked=True)
    assert sorted(in_memory.result_ids) == sorted(by_statement.result_ids) and in_memory.result_ids
    assert in_memory.counts == by_statement.counts
    _statement, known = both(generated, params, ranked=True, with_counts=False, total=12345)
    assert known.total == 12345 and known.counts == {}


def test_a_practice_not_live_is_left_out(generated):
    """The tally holds live practices only: an id of a draft is not counted."""
    draft = PracticePage.objects.get(pk=generated[0])
    draft.unpublish()
    tally = Tally.load()
    assert draft.pk not in tally.ids.tolist()
    chosen = selection(parse(query({}, "newest")), Vocabulary.load())
    assert tally.facts(generated, chosen, "newest", ranked=False, start=0, stop=60).total == len(generated) - 1


def test_an_empty_catalogue_counts_nothing(db):
    tally = Tally.load()
    chosen = selection(parse(query({}, "newest")), Vocabulary.load())
    facts = tally.facts([], chosen, "newest", ranked=False, start=0, stop=20)
    assert (facts.total, facts.counts, facts.page_ids) == (0, {}, [])


def test_the_tally_is_read_once_per_version_and_shared_through_the_cache(catalogue, settings):
    request = RequestFactory().get("/fr/search/")
    with CaptureQueriesContext(connection) as captured:
        first = current(request)
    assert len(captured) >= 5  # the practices, the four relations
    with CaptureQueriesContext(connection) as captured:
        assert current(request) is first  # this process keeps it
    assert len(captured) == 0
    versioned.forget()  # another process: the shared cache has it
    with CaptureQueriesContext(connection) as captured:
        shared = current(RequestFactory().get("/fr/search/"))
    assert shared is not first and shared.ids.tolist() == first.ids.tolist()
    assert [query["sql"] for query in captured.captured_queries if "practicepage" in query["sql"]] == []
    new = practice(catalogue.gironde, "Centre de santé itinérant", "Un bus de santé.", areas=["sante-hopitaux"])
    after = current(RequestFactory().get("/fr/search/"))  # a publication: a new version, read again
    assert new.pk in after.ids.tolist() and new.pk not in first.ids.tolist()
    assert fragments.current(RequestFactory().get("/fr/search/"), "praxis:search:tally") is not None


def test_without_server_side_cursors_the_tally_is_the_same(generated, monkeypatch):
    """Behind a transaction-pooling proxy (``DISABLE_SERVER_SIDE_CURSORS``) the rows are read
    with a plain cursor, to the same tally."""
    streamed = Tally.load()
    monkeypatch.setitem(connection.settings_dict, "DISABLE_SERVER_SIDE_CURSORS", True)
    plain = Tally.load()
    assert plain.ids.tolist() == streamed.ids.tolist() and len(plain.ids) == len(generated)
    assert plain.newest.tolist() == streamed.newest.tolist()
    for name, scalar in streamed.scalars.items():
        assert (
            plain.scalars[name].values == scalar.values and plain.scalars[name].codes.tolist() == scalar.codes.tolist()
        )
    for name, relation in streamed.relations.items():
        assert plain.relations[name].terms.tolist() == relation.terms.tolist()


def test_while_the_worker_renews_readers_leave_the_tally_to_it(catalogue, settings):
    """After a change, until the worker has built the new version's tally, a reader's search is
    answered by the statement (``current`` gives None) and builds nothing; the worker builds
    it, and readers then share it."""
    practice(catalogue.gironde, "Centre de santé itinérant", "Un bus de santé.", areas=["sante-hopitaux"])
    fragments.cache.set(fragments.RENEWING_KEY, 1)
    with CaptureQueriesContext(connection) as captured:
        assert current(RequestFactory().get("/fr/search/")) is None
        assert current(RequestFactory().get("/fr/search/")) is None  # asked again: still the worker's
    assert not any("practicepage" in query["sql"] for query in captured.captured_queries)
    with fragments.renewer():
        built = current(RequestFactory().get("/fr/search/"))
    assert built is not None
    versioned.forget()  # another app server
    assert current(RequestFactory().get("/fr/search/")).ids.tolist() == built.ids.tolist()
