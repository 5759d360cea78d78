"""A practice page and the practice index cost a fixed number of SQL queries, whatever
the number of terms, labs, key figures, documents, transpositions or cards.

Each test renders a page with few related objects, then one with many, under the same
bound, and checks both cost exactly the same. The bounds include what every page costs
(site, routing, language switcher, navigation); a change there moves them for all.
"""

import pytest
from factories import LabPageFactory, PolicyAreaFactory, PracticeIndexPageFactory, PracticePageFactory
from factories.showcase import showcase_practice

PRACTICE_PAGE_MAX_QUERIES = 34
PRACTICE_INDEX_MAX_QUERIES = 26


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def queries_for(client, url, bound, django_assert_max_num_queries):
    client.get(url)  # warm the caches (site root paths, renditions...)
    with django_assert_max_num_queries(bound) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_practice_page_queries_do_not_grow_with_related_objects(client, home, django_assert_max_num_queries):
    few = showcase_practice(terms=1, labs=1, figures=1, docs=1, transpositions=1)
    many = showcase_practice(terms=5, labs=4, figures=6, docs=5, transpositions=4)

    few_count, _html = queries_for(client, few.url, PRACTICE_PAGE_MAX_QUERIES, django_assert_max_num_queries)
    many_count, html = queries_for(client, many.url, PRACTICE_PAGE_MAX_QUERIES, django_assert_max_num_queries)

    assert html.count('class="document"') == 5  # the many really are rendered
    assert html.count('class="key-figure"') == 6
    assert html.count('class="term"') == 15
    assert html.count("lineage__item ") == 8
    assert many_count == few_count


def test_staff_view_of_a_practice_has_the_same_fixed_cost(client, home, superuser, django_assert_max_num_queries):
    client.force_login(superuser)
    few = showcase_practice(terms=1, labs=1, figures=1, docs=1, transpositions=1)
    many = showcase_practice(terms=5, labs=4, figures=6, docs=5, transpositions=4)
    bound = PRACTICE_PAGE_MAX_QUERIES + 6  # session, user, permissions, userbar
    few_count, _html = queries_for(client, few.url, bound, django_assert_max_num_queries)
    many_count, html = queries_for(client, many.url, bound, django_assert_max_num_queries)
    assert "mailto:" in html
    assert many_count == few_count


def add_practices(lab, count, areas):
    for _ in range(count):
        PracticePageFactory(parent=lab, labs=[lab], policy_areas=areas)


def test_practice_index_issues_no_query_per_card(client, home, django_assert_max_num_queries):
    index = PracticeIndexPageFactory()
    areas = [PolicyAreaFactory() for _ in range(3)]
    first_lab, second_lab = LabPageFactory(), LabPageFactory()
    add_practices(first_lab, 2, areas)
    few_count, html = queries_for(client, index.url, PRACTICE_INDEX_MAX_QUERIES, django_assert_max_num_queries)
    assert html.count('class="card practice-card"') == 2

    add_practices(second_lab, 10, areas)
    many_count, html = queries_for(client, index.url, PRACTICE_INDEX_MAX_QUERIES, django_assert_max_num_queries)
    assert html.count('class="card practice-card"') == 12
    assert many_count == few_count
