"""The shared-term scores of "similar practices" are kept per practice and live revision
(``search.services.similar.kept_term_scores``): after a publication only the practices
published since are scored again, and what changed is seen at once: a newcomer sharing terms,
a practice republished without them, one republished with more (real HTTP requests through
the practice page; SQLite and PostgreSQL)."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from factories import InstrumentFactory, PolicyAreaFactory, PracticePageFactory

from practices.models import PracticePage
from search.services import similar

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def similar_titles(client, practice) -> tuple[list[str], list[str]]:
    """The titles shown as similar, and the scoring statements the page ran."""
    with CaptureQueriesContext(connection) as captured:
        html = client.get(practice.url).content.decode()
    titles = [link.get_text() for link in BeautifulSoup(html, "html.parser").select(".similar-practices a")]
    return titles, [query["sql"] for query in captured.captured_queries if "SUM(weight)" in query["sql"]]


@pytest.fixture
def area(db):
    return PolicyAreaFactory(name="Lecture dominicale")


def republish(practice, **relations):
    page = PracticePage.objects.get(pk=practice.pk)
    for name, values in relations.items():
        getattr(page, name).set(values)
    page.save_revision().publish()
    return page


def test_only_the_practices_published_since_are_scored_again(client, area, monkeypatch):
    practice = PracticePageFactory(title="Bibliothèque le dimanche", policy_areas=[area])
    PracticePageFactory(title="Ludothèque itinérante", policy_areas=[area])
    first, first_statements = similar_titles(client, practice)
    assert first == ["Ludothèque itinérante"] and len(first_statements) == 1
    calls = []
    real = similar.shared_term_scores
    monkeypatch.setattr(
        similar, "shared_term_scores", lambda page, among=None: calls.append(among) or real(page, among)
    )
    newcomer = PracticePageFactory(title="Médiathèque hors les murs", policy_areas=[area])
    after, _statements = similar_titles(client, practice)
    assert set(after) == {"Ludothèque itinérante", "Médiathèque hors les murs"}
    assert calls == [[newcomer.pk]]  # only the newcomer scored


def test_a_practice_republished_without_the_shared_terms_leaves_at_once(client, area):
    practice = PracticePageFactory(title="Bibliothèque le dimanche", policy_areas=[area])
    neighbour = PracticePageFactory(title="Ludothèque itinérante", policy_areas=[area])
    assert similar_titles(client, practice)[0] == ["Ludothèque itinérante"]
    republish(neighbour, policy_areas=[PolicyAreaFactory(name="Vélo-école")])
    assert similar_titles(client, practice)[0] == []


def test_a_practice_republished_with_more_shared_terms_comes_first(client, area):
    instrument = InstrumentFactory(name="Prêt de livres")
    practice = PracticePageFactory(title="Bibliothèque le dimanche", policy_areas=[area], instruments=[instrument])
    earlier = PracticePageFactory(title="Kiosque à livres", policy_areas=[area])
    PracticePageFactory(title="Ludothèque itinérante", policy_areas=[area])
    assert similar_titles(client, practice)[0][0] == "Ludothèque itinérante"  # the higher id at equal score
    republish(earlier, instruments=[instrument])
    assert similar_titles(client, practice)[0][0] == "Kiosque à livres"


def test_too_many_published_since_and_everything_is_scored_again(client, area, monkeypatch):
    practice = PracticePageFactory(title="Bibliothèque le dimanche", policy_areas=[area])
    similar_titles(client, practice)
    monkeypatch.setattr(similar, "RESCORED_AT_MOST", 0)
    calls = []
    real = similar.shared_term_scores
    monkeypatch.setattr(
        similar, "shared_term_scores", lambda page, among=None: calls.append(among) or real(page, among)
    )
    PracticePageFactory(title="Ludothèque itinérante", policy_areas=[area])
    assert similar_titles(client, practice)[0] == ["Ludothèque itinérante"]
    assert calls == [None]  # every practice sharing a term


def test_nothing_published_since_and_nothing_is_scored(client, area, monkeypatch, settings):
    practice = PracticePageFactory(title="Bibliothèque le dimanche", policy_areas=[area])
    PracticePageFactory(title="Ludothèque itinérante", policy_areas=[area])
    similar_titles(client, practice)
    calls = []
    monkeypatch.setattr(similar, "shared_term_scores", lambda page, among=None: calls.append(among) or {})
    practice_page = PracticePage.objects.get(pk=practice.pk)
    assert similar.kept_term_scores(practice_page, client.get(practice.url).wsgi_request) != {}
    assert calls == []
