"""/api/v2/questions/: published questions of live, public practices with their published
answers, filters read strictly (400 on bad input), described in the OpenAPI document."""

import pytest
from factories import MemberFactory, PracticePageFactory
from factories.discussions import AnswerFactory, QuestionFactory
from wagtail.models import PageViewRestriction

from discussions.models import Post

API = "/api/v2/questions/"


@pytest.fixture
def published(practice, contact):
    question = QuestionFactory(practice=practice, body="Quel budget ?")
    AnswerFactory(question=question, author=contact, body="Cent mille euros.")
    AnswerFactory(question=question, body="Réponse masquée", status=Post.Status.HIDDEN)
    return question


def test_published_questions_with_their_answers(client, practice, published, contact):
    response = client.get(API)
    assert response.status_code == 200
    [item] = response.json()["items"]
    assert item["id"] == published.pk
    assert item["text"] == "Quel budget ?"
    assert item["meta"]["locale"] == "fr"
    assert item["meta"]["html_url"].endswith(f"{practice.url}#question-{published.pk}")
    assert item["practice"]["id"] == practice.pk
    assert item["author"] == {"name": published.author.name, "organisation": published.author.organisation}
    assert [(a["text"], a["role"]) for a in item["answers"]] == [("Cent mille euros.", "contact")]
    assert "@" not in response.content.decode()
    detail = client.get(item["meta"]["detail_url"])
    assert detail.status_code == 200 and detail.json()["text"] == "Quel budget ?"
    assert response.json()["meta"]["total_count"] == 1
    assert "questions" in response["X-Praxis-Tags"]


def test_hidden_pending_removed_and_private_never_served(client, lab, practice):
    private = PracticePageFactory(parent=lab)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    draft = PracticePageFactory(parent=lab)
    draft.unpublish()
    refused = [QuestionFactory(practice=private), QuestionFactory(practice=draft)]
    refused += [QuestionFactory(practice=practice, status=status) for status in Post.NOT_PUBLIC]
    assert client.get(API).json()["items"] == []
    for question in refused:
        assert client.get(f"{API}{question.pk}/").status_code == 404


def test_filters_by_practice_and_language(client, lab, practice, published):
    other = PracticePageFactory(parent=lab)
    QuestionFactory(practice=other)
    assert [q["id"] for q in client.get(API, {"practice": practice.pk}).json()["items"]] == [published.pk]
    assert len(client.get(API, {"locale": "fr"}).json()["items"]) == 2
    assert client.get(API, {"locale": "en"}).json()["items"] == []


@pytest.mark.parametrize(
    "query",
    [
        "practice=abc",
        "practice=0",
        "practice=1&practice=2",
        "locale=xx",
        "limit=500",
        "offset=-1",
        "unknown=1",
        "status=hidden",
        "author=1",
        "practice=%00",
        "locale=%FF",
        "practice=",  # an empty filter (found by the API fuzzing)
        "practice=&limit=12&offset=10159&locale=en",
        "locale=",
    ],
)
def test_bad_parameters_are_400(client, published, query):
    response = client.get(f"{API}?{query}")
    assert response.status_code == 400, query
    assert "message" in response.json()


def test_detail_refuses_parameters_and_unknown_ids(client, published):
    assert client.get(f"{API}{published.pk}/?fields=*").status_code == 400
    assert client.get(f"{API}999999/").status_code == 404
    assert client.get(f"{API}find/?id={published.pk}").status_code == 302


def test_the_openapi_description_has_the_questions(client, db):
    document = client.get("/api/v2/openapi.json").json()
    listing = document["paths"]["/api/v2/questions/"]["get"]
    assert {p["name"] for p in listing["parameters"]} == {"limit", "offset", "practice", "locale"}
    assert "400" in listing["responses"]
    schema = document["components"]["schemas"]["Question"]
    assert set(schema["properties"]) == {"id", "meta", "practice", "text", "author", "answers"}
    assert "/api/v2/questions/{id}/" in document["paths"]


def test_an_erased_members_questions_stay_unattributed(client, practice):
    member = MemberFactory()
    QuestionFactory(practice=practice, author=member)
    Post.objects.update(author=None)
    assert client.get(API).json()["items"][0]["author"] is None
