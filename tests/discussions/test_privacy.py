"""Privacy per channel: questions are not the practice's text (search, feeds, open data), a
member's download and erasure include their posts, and what is not public shows nowhere."""

import io
import json

from factories.discussions import AnswerFactory, QuestionFactory
from pypdf import PdfReader

from discussions.models import ModerationEvent, Post
from discussions.services import posting


def test_questions_are_not_indexed_as_the_practices_text(client, practice, settings):
    settings.PRAXIS_DISCUSSIONS_HELD_UNTIL_APPROVED = 0
    QuestionFactory(practice=practice, body="Le zorglubisme est-il transposable ?")
    assert practice.title in client.get("/fr/search/", {"q": "Maisons de santé"}).content.decode()
    results = client.get("/fr/search/", {"q": "zorglubisme"}).content.decode()
    assert practice.title not in results
    assert "zorglubisme" not in client.get("/fr/search/feed/rss/").content.decode()
    assert (
        "zorglubisme"
        not in client.get("/api/v2/pages/", {"type": "practices.PracticePage", "fields": "*"}).content.decode()
    )
    assert "zorglubisme" not in b"".join(client.get("/opendata/practices.json").streaming_content).decode()


def test_a_members_download_holds_their_posts_and_reports(client, practice, asker):
    QuestionFactory(practice=practice, author=asker, body="Ma question", status=Post.Status.PENDING)
    AnswerFactory(question=QuestionFactory(practice=practice), author=asker, author_role="member", body="Ma réponse")
    posting.report(QuestionFactory(practice=practice), asker.user, "Spam")
    client.force_login(asker.user)
    data = json.loads(client.get("/fr/members/account/data.json").content)
    posts = data["questions_and_answers"]
    assert [(p["kind"], p["text"], p["status"], p["practice"]) for p in posts] == [
        ("question", "Ma question", "pending", practice.title),
        ("answer", "Ma réponse", "published", practice.title),
    ]
    assert data["posts_reported"] == 1


def test_erasure_keeps_the_posts_unattributed(client, practice, asker):
    question = QuestionFactory(practice=practice, author=asker, body="Une question qui reste")
    posting.report(QuestionFactory(practice=practice), asker.user, "Spam")
    client.force_login(asker.user)
    assert client.post("/fr/members/account/delete/", {"password": "password"}).status_code == 302
    question.refresh_from_db()
    assert question.author is None and question.body == "Une question qui reste"
    assert ModerationEvent.objects.get(action="reported").actor is None
    html = client.get(practice.url).content.decode()
    assert "Une question qui reste" in html and asker.name not in html


def test_the_practice_sheet_pdf_has_no_questions(client, practice):
    QuestionFactory(practice=practice, body="Le zorglubisme est-il transposable ?")
    response = client.get(practice.url + "sheet/")
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert practice.title in text
    assert "zorglubisme" not in text
