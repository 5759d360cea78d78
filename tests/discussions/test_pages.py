"""Questions and answers on the practice page and their forms, through the Django client:
who sees what, who may write, bad input, the rate limit, and the front-end cache."""

import pytest
from django.utils.html import escape
from factories import MemberFactory, PracticePageFactory
from factories.discussions import AnswerFactory, QuestionFactory
from wagtail.models import PageViewRestriction

from discussions.models import ModerationEvent, Post

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> Comment avez-vous fait ?'


def test_anyone_reads_the_published_questions_with_the_askers_name_never_their_address(client, practice, contact):
    question = QuestionFactory(practice=practice, body="Quel budget ?")
    AnswerFactory(question=question, author=contact, body="Cent mille euros.")
    QuestionFactory(practice=practice, body="Question en attente", status=Post.Status.PENDING)
    QuestionFactory(practice=practice, body="Question masquée", status=Post.Status.HIDDEN)
    QuestionFactory(practice=practice, body="Question retirée", status=Post.Status.REMOVED)
    html = client.get(practice.url).content.decode()
    assert "Quel budget ?" in html and "Cent mille euros." in html
    assert question.author.name in html and escape(question.author.organisation) in html
    assert contact.name in html
    for hidden in ("Question en attente", "Question masquée", "Question retirée"):
        assert hidden not in html
    assert question.author.user.email not in html and contact.user.email not in html
    assert "Sign in to ask a question" in html or "Connectez-vous pour poser une question" in html
    assert 'name="body"' not in html  # no form for anonymous readers


def test_a_page_without_published_posts_then_with_one(client, practice):
    """Readers who are not members first ask whether any post is published (most pages: none)."""
    pending = QuestionFactory(practice=practice, body="Question en attente", status=Post.Status.PENDING)
    html = client.get(practice.url).content.decode()
    assert 'id="questions"' in html and "Question en attente" not in html
    assert 'class="questions__list"' not in html
    Post.objects.filter(pk=pending.pk).update(status=Post.Status.PUBLISHED)
    html = client.get(practice.url).content.decode()
    assert 'class="questions__list"' in html and "Question en attente" in html


def test_the_anonymous_page_stays_cacheable_and_tagged(client, practice):
    QuestionFactory(practice=practice)
    response = client.get(practice.url)
    assert "public" in response["Cache-Control"]
    assert f",page-{practice.pk}," in response["X-Praxis-Tags"]
    assert not response.cookies


def test_a_member_asks_their_first_question_waits_and_only_they_see_it(client, practice, asker, signed_in, committed):
    signed_in(asker)
    page = client.get(practice.url)
    assert "private" in page["Cache-Control"]
    assert f'action="/fr/questions/ask/{practice.pk}/"' in page.content.decode()
    with committed():
        response = client.post(f"/fr/questions/ask/{practice.pk}/", {"body": "Combien d'agents ?"})
    assert response.status_code == 302 and response["Location"].endswith("#questions")
    post = Post.objects.get()
    assert (post.status, post.author, post.language, post.practice_id) == ("pending", asker, "fr", practice.pk)
    mine = client.get(practice.url).content.decode()
    assert "Combien d&#x27;agents ?" in mine
    client.logout()
    assert "Combien d" not in client.get(practice.url).content.decode()


def test_hostile_html_is_shown_as_text(client, practice):
    QuestionFactory(practice=practice, body=HOSTILE)
    html = client.get(practice.url).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("", "This field is required"),
        ("court", "at least 10"),
        ("x" * 4001, "at most 4000"),
        ("Une question avec un \x00 nul", "cannot be saved"),
        ("Une question \ue000 privée", "cannot be saved"),
    ],
)
def test_bad_input_is_a_form_error(client, practice, asker, signed_in, body, error):
    signed_in(asker)
    response = client.post(f"/en/questions/ask/{practice.pk}/", {"body": body})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Post.objects.exists()


def test_fifty_questions_in_a_minute_are_stopped(client, practice, asker, signed_in, settings):
    settings.PRAXIS_DISCUSSIONS_HELD_UNTIL_APPROVED = 0
    signed_in(asker)
    statuses = [
        client.post(f"/en/questions/ask/{practice.pk}/", {"body": f"Question numéro {n} ?"}).status_code
        for n in range(50)
    ]
    allowed = settings.PRAXIS_DISCUSSIONS_POSTS_PER_MINUTE
    assert statuses[:allowed] == [302] * allowed
    assert set(statuses[allowed:]) == {429}
    assert Post.objects.count() == allowed
    refused = client.post(f"/en/questions/ask/{practice.pk}/", {"body": "Encore une ?"})
    assert "Please wait a minute" in refused.content.decode()


def test_no_questions_on_drafts_private_or_unknown_practices(client, lab, asker, signed_in):
    draft = PracticePageFactory(parent=lab, live=False)
    private = PracticePageFactory(parent=lab)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    QuestionFactory(practice=private, body="Sur une page privée")
    signed_in(asker)
    for page_id in (draft.pk, private.pk, 999_999):
        assert client.get(f"/fr/questions/ask/{page_id}/").status_code == 404
        assert client.post(f"/fr/questions/ask/{page_id}/", {"body": "Une question ?"}).status_code == 404
    html = client.get(private.url).content.decode()
    assert "Sur une page privée" not in html and 'id="questions"' not in html
    assert Post.objects.count() == 1


def test_anonymous_and_pending_members_cannot_ask(client, practice):
    response = client.post(f"/fr/questions/ask/{practice.pk}/", {"body": "Une question anonyme ?"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(MemberFactory(status="pending").user)
    assert client.post(f"/fr/questions/ask/{practice.pk}/", {"body": "Une question ?"}).status_code == 403
    assert not Post.objects.exists()


def test_the_contact_answers_from_the_page_and_others_cannot(client, practice, contact, asker, signed_in, committed):
    question = QuestionFactory(practice=practice, author=asker)
    signed_in(asker)
    assert f"q{question.pk}-body" not in client.get(practice.url).content.decode()
    assert client.post(f"/fr/questions/{question.pk}/answer/", {f"q{question.pk}-body": "Moi !"}).status_code == 403
    signed_in(contact)
    assert f'name="q{question.pk}-body"' in client.get(practice.url).content.decode()
    with committed():
        response = client.post(f"/fr/questions/{question.pk}/answer/", {f"q{question.pk}-body": "Six mois."})
    assert response.status_code == 302 and response["Location"].endswith(f"#question-{question.pk}")
    answer = Post.objects.get(question=question)
    assert (answer.status, answer.author_role) == ("published", "contact")
    pending = QuestionFactory(practice=practice, status=Post.Status.PENDING)
    assert client.post(f"/fr/questions/{pending.pk}/answer/", {f"q{pending.pk}-body": "Non"}).status_code == 404


def test_a_signed_in_reader_reports_a_post_with_a_reason(client, practice, asker, signed_in):
    question = QuestionFactory(practice=practice)
    assert client.get(f"/fr/questions/{question.pk}/report/").status_code == 302  # sign in first
    signed_in(asker)
    assert f'href="/fr/questions/{question.pk}/report/"' in client.get(practice.url).content.decode()
    assert client.post(f"/en/questions/{question.pk}/report/", {"reason": ""}).status_code == 200
    response = client.post(f"/en/questions/{question.pk}/report/", {"reason": "Propos injurieux"})
    assert response.status_code == 302
    event = ModerationEvent.objects.get(action=ModerationEvent.Action.REPORTED)
    assert (event.post, event.actor, event.reason) == (question, asker.user, "Propos injurieux")
    hidden = QuestionFactory(practice=practice, status=Post.Status.HIDDEN)
    assert client.get(f"/en/questions/{hidden.pk}/report/").status_code == 404


def test_a_newly_public_answer_purges_the_practice_page(practice, contact, asker, client, signed_in, committed, purged):
    question = QuestionFactory(practice=practice, author=asker)
    signed_in(contact)
    with committed():
        client.post(f"/fr/questions/{question.pk}/answer/", {f"q{question.pk}-body": "Six mois."})
    assert len(purged) == 1
    urls, tags = purged[0]
    assert f"page-{practice.pk}" in tags and "questions" in tags
    assert any(url.endswith(practice.url) for url in urls)
