"""Questions and answers on the practice page: ``{% load discussions_tags %}{% practice_questions page %}``.

The same number of queries whatever the number of posts: one for the posts (public ones,
and the reader's own posts waiting for approval), their authors joined; for a reader who is
not a member, first whether there is any published post (most pages have none: then only
that cheaper query). Anonymous readers
get the published posts and a sign-in link, nothing personal, so the page stays cacheable
(``praxis.http_cache``); a signed-in reader's page is private anyway, and gets the forms.
Nothing on a preview, a draft or a page under a view restriction."""

from django import template
from django.db.models import Q

from alerts.templatetags.alerts_tags import current_member, sign_in_url
from discussions.answerers import answering_role
from discussions.forms import AnswerForm, QuestionForm
from discussions.models import Post, has_published_posts
from praxis.visibility import is_private

register = template.Library()


def thread(practice, member) -> list[Post]:
    """The questions with their answers (``question.shown_answers``), oldest first."""
    if member is None and not has_published_posts(practice.pk):
        return []  # most pages: answered by a cheaper query than the thread's
    shown = Q(status=Post.Status.PUBLISHED)
    if member is not None:
        shown |= Q(status=Post.Status.PENDING, author=member)
    posts = list(Post.objects.filter(shown, practice=practice).select_related("author").order_by("created_at", "pk"))
    questions = {post.pk: post for post in posts if post.is_question}
    for question in questions.values():
        question.shown_answers = []
    for post in posts:
        if not post.is_question and post.question_id in questions:
            questions[post.question_id].shown_answers.append(post)
    return list(questions.values())


@register.inclusion_tag("discussions/tags/practice_questions.html", takes_context=True)
def practice_questions(context, practice):
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False) or not practice.pk or not practice.live:
        return {"hidden": True}
    if is_private(practice, request):
        return {"hidden": True}  # a private page: no question is public there
    member = current_member(request)
    questions = thread(practice, member)
    role = answering_role(practice, member) if member else None
    if role:
        for question in questions:
            question.answer_form = AnswerForm(prefix=f"q{question.pk}")
    return {
        "practice": practice,
        "questions": questions,
        "member": member,
        "signed_in": request.user.is_authenticated,
        "answers_as": role,
        "form": QuestionForm() if member else None,
        "sign_in_url": "" if member else sign_in_url(request),
        "request": request,
    }
