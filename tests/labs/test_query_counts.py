"""A lab page and the lab directory cost a fixed number of SQL queries, whatever the
number of practices, programmes, methods or labs (logos included)."""

import pytest
import wagtail_factories
from factories import (
    LabIndexPageFactory,
    LabPageFactory,
    MethodFactory,
    PolicyAreaFactory,
    PracticePageFactory,
    ProgrammePageFactory,
    TerritoryTypeFactory,
)
from wagtail.models import Collection

# Queries on top of a bare page's (the ``shell`` fixture): the lab page's context (a page
# of practice cards, programmes, methods), its logo and JSON-LD; the directory's filters.
LAB_PAGE_EXTRA_QUERIES = 13
LAB_DIRECTORY_EXTRA_QUERIES = 4


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def logo():
    return wagtail_factories.ImageFactory(collection=Collection.get_first_root_node(), title="Logo")


def lab_with(practices, programmes, methods):
    lab = LabPageFactory(logo=logo(), methods=[MethodFactory() for _ in range(methods)])
    partner = LabPageFactory()
    for _ in range(practices):
        PracticePageFactory(
            parent=lab,
            labs=[lab, partner],
            policy_areas=[PolicyAreaFactory(), PolicyAreaFactory()],
            territory_types=[TerritoryTypeFactory()],
        )
    for _ in range(programmes):
        ProgrammePageFactory(labs=[lab, partner])
    return lab


def test_lab_page_queries_do_not_grow(client, shell, queries_for):
    few = lab_with(practices=1, programmes=1, methods=1)
    many = lab_with(practices=8, programmes=3, methods=5)
    few_count, _html = queries_for(few.url, shell + LAB_PAGE_EXTRA_QUERIES)
    many_count, html = queries_for(many.url, shell + LAB_PAGE_EXTRA_QUERIES)
    assert html.count('class="card practice-card"') == 8
    assert many_count == few_count


def test_lab_directory_issues_no_query_per_card(client, shell, queries_for):
    index = LabIndexPageFactory()
    for _ in range(2):
        LabPageFactory(logo=logo())
    few_count, html = queries_for(index.url, shell + LAB_DIRECTORY_EXTRA_QUERIES)
    assert html.count('class="card lab-card"') == 2

    for _ in range(6):
        LabPageFactory(logo=logo())
    many_count, html = queries_for(index.url, shell + LAB_DIRECTORY_EXTRA_QUERIES)
    assert html.count('class="card lab-card"') == 8
    assert html.count("<img") == 8
    assert many_count == few_count
