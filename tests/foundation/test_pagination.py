"""One pagination include for every listing (lab page, practice index, search): the
links change the page and keep every other parameter of the reader's request."""

import functools
import re
from urllib.parse import parse_qs

import pytest
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory
from factories import LabPageFactory, PracticeIndexPageFactory, PracticePageFactory
from html_helpers import soup_of

from practices.services import listing
from search.services import engine


def links(html) -> dict[str, dict]:
    """``{"prev": query, "next": query}`` of the pagination's links, parsed."""
    found = {}
    for href, rel in re.findall(r'<a href="\?([^"]*)" rel="(prev|next)"', html):
        found[rel] = parse_qs(href.replace("&amp;", "&"))
    return found


def render(query_string, number):
    request = RequestFactory().get(f"/fr/liste/?{query_string}")
    page = Paginator(range(30), 10).page(number)
    return render_to_string("includes/pagination.html", {"page_obj": page}, request=request)


def test_links_replace_only_the_page():
    html = render("country=FR&policy_area=a&policy_area=b&q=sant%C3%A9&page=2", 2)
    kept = {"country": ["FR"], "policy_area": ["a", "b"], "q": ["santé"]}
    assert links(html) == {"prev": kept, "next": {**kept, "page": ["3"]}}  # page 1 has no number


def test_links_of_a_bare_listing():
    assert links(render("", 1)) == {"next": {"page": ["2"]}}
    assert '<a href="?" rel="prev">' in render("page=2", 2)  # back to the first page: no query left


def test_a_single_page_has_no_pagination():
    request = RequestFactory().get("/fr/liste/?country=FR")
    page = Paginator(range(3), 10).page(1)
    assert render_to_string("includes/pagination.html", {"page_obj": page}, request=request).strip() == ""


@pytest.fixture
def practices_in_two_countries(home):
    lab = LabPageFactory()
    french = [PracticePageFactory(parent=lab, labs=[lab], country="FR") for _ in range(3)]
    PracticePageFactory(parent=lab, labs=[lab], country="DK", territory_name="Aarhus")
    return lab, french


def test_practice_index_page_two_keeps_the_filters(client, practices_in_two_countries, monkeypatch):
    """The practice index is listed by the search engine: its filters are query parameters."""
    _lab, french = practices_in_two_countries
    monkeypatch.setattr(engine, "PER_PAGE", 2)
    index = PracticeIndexPageFactory()
    first = client.get(index.url, {"country": "FR"})
    assert links(first.content.decode()) == {"next": {"country": ["FR"], "page": ["2"]}}
    second = client.get(index.url, {"country": "FR", "page": "2"})
    assert links(second.content.decode()) == {"prev": {"country": ["FR"]}}
    shown = {practice.pk for practice in [*first.context["practices"], *second.context["practices"]]}
    assert shown == {practice.pk for practice in french}  # the Danish practice on neither page


def test_lab_page_two_keeps_the_language_toggle(client, practices_in_two_countries, monkeypatch):
    lab, _french = practices_in_two_countries
    monkeypatch.setattr(listing, "paginate", functools.partial(listing.paginate, per_page=3))
    soup = soup_of(client.get(lab.url, {"own_language": "1"}))
    assert len(soup.select("article.practice-card")) == 3
    assert links(str(soup.select_one("nav.pagination"))) == {"next": {"own_language": ["1"], "page": ["2"]}}
