"""A practice page and the practice index cost a fixed number of SQL queries, whatever
the number of terms, labs, key figures, documents, transpositions or cards.

Each test renders a page with few related objects, then one with many, under the same
bound, and checks both cost exactly the same. The bounds are counted on top of what a
bare page costs (site, routing, language versions, navigation), so the site shell can
change without moving them. Each runs twice: with nothing cached (the first reader after
a publication) and once the fragments every reader sees are cached
(``praxis.services.fragments``).
"""

import pytest
from factories import LabPageFactory, MemberFactory, PolicyAreaFactory, PracticeIndexPageFactory, PracticePageFactory
from factories.showcase import showcase_practice

# Queries on top of a bare page's (the ``shell`` fixture). Uncached, the practice page's
# include its context (terms, labs, programme, lineage, documents), its JSON-LD and the
# search app's "similar practices"; cached, only the questions and answers (discussions: the
# posts) remain: the page itself is kept like the bare page (praxis.routing), and what every
# reader sees of it is kept rendered, its documents included. No view-restriction check either
# way: each process keeps the restrictions per content version (praxis.visibility).
# Uncached, two more for the transposition workspace: the outcomes shared back in the lineage,
# the public counts of plans (cached, both are kept: transpositions.services.counts).
PRACTICE_PAGE_EXTRA_QUERIES = {"uncached": 16, "cached": 1}
# Editors' pages are read afresh (praxis.routing): the pages on the path, the page itself.
EDITORS_PAGE_QUERIES = {"uncached": 0, "cached": 2}
PRACTICE_INDEX_EXTRA_QUERIES = {"uncached": 8, "cached": 8}


@pytest.fixture(params=["uncached", "cached"])
def fragments(request, settings):
    if request.param == "uncached":
        settings.PRAXIS_FRAGMENT_CACHE_SECONDS = 0
    return request.param


@pytest.fixture
def shell(fragments, shell):
    """The bare page measured under this run's fragment caching."""
    return shell


def test_practice_page_queries_do_not_grow_with_related_objects(client, shell, fragments, queries_for):
    few = showcase_practice(terms=1, labs=1, figures=1, docs=1, transpositions=1)
    many = showcase_practice(terms=5, labs=4, figures=6, docs=5, transpositions=4)

    bound = shell + PRACTICE_PAGE_EXTRA_QUERIES[fragments]
    few_count, _html = queries_for(few.url, bound)
    many_count, html = queries_for(many.url, bound)

    assert html.count('class="document"') == 5  # the many really are rendered
    assert html.count('class="key-figure"') == 6
    assert html.count('class="term"') == 15
    assert html.count("lineage__item ") == 8
    assert many_count == few_count


def test_staff_view_of_a_practice_has_the_same_fixed_cost(client, shell, fragments, superuser, queries_for):
    client.force_login(superuser)
    few = showcase_practice(terms=1, labs=1, figures=1, docs=1, transpositions=1)
    many = showcase_practice(terms=5, labs=4, figures=6, docs=5, transpositions=4)
    # session, user, permissions (the user's and their groups'), the member profile read once
    # with its territory (the page's follow and selection actions, territories.reader)
    bound = shell + PRACTICE_PAGE_EXTRA_QUERIES[fragments] + 5 + EDITORS_PAGE_QUERIES[fragments]
    few_count, _html = queries_for(few.url, bound)
    many_count, html = queries_for(many.url, bound)
    assert "mailto:" in html
    assert many_count == few_count


def add_practices(lab, count, areas):
    for _ in range(count):
        PracticePageFactory(parent=lab, labs=[lab], policy_areas=areas)


def test_practice_index_issues_no_query_per_card(client, shell, fragments, queries_for):
    index = PracticeIndexPageFactory()
    areas = [PolicyAreaFactory() for _ in range(3)]
    first_lab, second_lab = LabPageFactory(), LabPageFactory()
    add_practices(first_lab, 2, areas)
    few_count, html = queries_for(index.url, shell + PRACTICE_INDEX_EXTRA_QUERIES[fragments])
    assert html.count('class="card practice-card"') == 2

    add_practices(second_lab, 10, areas)
    many_count, html = queries_for(index.url, shell + PRACTICE_INDEX_EXTRA_QUERIES[fragments])
    assert html.count('class="card practice-card"') == 12
    assert many_count == few_count


def test_an_approved_members_view_has_a_fixed_cost(client, shell, fragments, queries_for):
    """Signed-in readers are never served from the front-end cache: their page stays cheap."""
    member = MemberFactory()
    client.force_login(member.user)
    few = showcase_practice(terms=1, labs=1, figures=1, docs=1, transpositions=1)
    many = showcase_practice(terms=5, labs=4, figures=6, docs=5, transpositions=4)
    # session, user, the member profile read once with its territory, permissions (the user's
    # and their groups'), the follow button, the member's selections, their plans on the
    # practice, and whether they may answer questions: in the nearest lab's editors group (one),
    # whether they transposed it (one)
    bound = shell + PRACTICE_PAGE_EXTRA_QUERIES[fragments] + 10
    few_count, _html = queries_for(few.url, bound)
    many_count, html = queries_for(many.url, bound)
    assert "mailto:" not in html  # not staff
    assert many_count == few_count
