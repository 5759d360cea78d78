"""A practice page costs the same number of queries with 1 question as with 20 (each with
answers), for an anonymous reader, a member and the practice's contact (who gets a form per
question)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from factories.discussions import AnswerFactory, QuestionFactory

from discussions.models import Post


def queries(client, url) -> tuple[int, str]:
    assert client.get(url).status_code == 200  # warms what the page caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def add_questions(practice, count, asker, contact):
    for _n in range(count):
        question = QuestionFactory(practice=practice)
        AnswerFactory(question=question, author=contact)
        AnswerFactory(question=question, author=asker, author_role="member", status=Post.Status.PENDING)
    QuestionFactory(practice=practice, author=asker, status=Post.Status.PENDING)


@pytest.mark.parametrize("reader", ["anonymous", "member", "contact"])
def test_a_practice_page_costs_the_same_whatever_the_number_of_questions(client, practice, asker, contact, reader):
    if reader != "anonymous":
        client.force_login((asker if reader == "member" else contact).user)
    add_questions(practice, 1, asker, contact)
    few, html = queries(client, practice.url)
    assert html.count('class="question"') == (2 if reader == "member" else 1)
    add_questions(practice, 19, asker, contact)
    many, html = queries(client, practice.url)
    assert html.count('class="question"') == (22 if reader == "member" else 20)
    assert many == few
