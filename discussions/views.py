"""The public side of questions and answers: ask (members), answer (the practice's team),
report (anyone signed in), and the team's one-click unsubscribe. The list itself is on the
practice page (``discussions_tags``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from discussions.answerers import answering_role
from discussions.forms import AnswerForm, QuestionForm, ReportForm
from discussions.models import Post, TeamOptOut
from discussions.services import posting
from discussions.services.notify import email_from_team_token
from members.access import member_required

TOO_MANY = {
    "minute": gettext_lazy(
        "You have written several posts in the last minute. Please wait a minute before writing again."
    ),
    "day": gettext_lazy("You have written as many posts as allowed today. Please come back tomorrow."),
}


def back_to(practice, anchor: str = "questions") -> str:
    return f"{practice.url}#{anchor}"


def form_page(request, template: str, context: dict, status: int = 200):
    return TemplateResponse(request, f"discussions/{template}.html", context, status=status)


def limited(request, form) -> int | None:
    """Adds the form error and gives the 429 status when the member wrote too much lately."""
    wait = posting.waiting_time(request.member)
    if wait is None:
        return None
    form.add_error(None, str(TOO_MANY[wait]))
    return 429


def published_or_held(request, post) -> None:
    if post.is_public:
        messages.success(request, _("Thank you: your post is published."))
    else:
        messages.info(
            request, _("Thank you: your post will be published once the network team has read it (first posts only).")
        )


@never_cache
@member_required
@require_http_methods(["GET", "POST"])
def ask(request, page_id: int):
    practice = posting.open_practice(page_id)
    if practice is None:
        raise Http404(_("There is no practice to ask about here."))
    form = QuestionForm(request.POST or None)
    context = {"practice": practice, "form": form}
    if request.method == "POST":
        status = limited(request, form)
        if status:
            return form_page(request, "ask", context, status)
        if form.is_valid():
            post = posting.ask(practice, request.member, form.cleaned_data["body"])
            published_or_held(request, post)
            return redirect(back_to(practice, f"question-{post.pk}" if post.is_public else "questions"))
    return form_page(request, "ask", context)


@never_cache
@member_required
@require_http_methods(["GET", "POST"])
def answer(request, post_id: int):
    question = Post.objects.public().questions().filter(pk=post_id).first()
    practice = posting.open_practice(question.practice_id) if question else None
    if practice is None:
        raise Http404(_("There is no question to answer here."))
    question.practice = practice
    role = answering_role(practice, request.member)
    if role is None:
        return form_page(request, "not_answerer", {"practice": practice}, 403)
    form = AnswerForm(request.POST or None, prefix=f"q{question.pk}")
    context = {"practice": practice, "question": question, "form": form}
    if request.method == "POST":
        status = limited(request, form)
        if status:
            return form_page(request, "answer", context, status)
        if form.is_valid():
            post = posting.answer(question, request.member, role, form.cleaned_data["body"])
            published_or_held(request, post)
            return redirect(back_to(practice, f"question-{question.pk}"))
    return form_page(request, "answer", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def report(request, post_id: int):
    post = Post.objects.public().filter(pk=post_id).select_related("author").first()
    practice = posting.open_practice(post.practice_id) if post else None
    if practice is None:
        raise Http404(_("There is nothing to report here."))
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        posting.report(post, request.user, form.cleaned_data["reason"])
        messages.success(request, _("Thank you: the network team will read your report."))
        return redirect(back_to(practice, f"question-{post.question_id or post.pk}"))
    return form_page(request, "report", {"practice": practice, "post": post, "form": form})


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def team_unsubscribe(request, token: str):
    """A practice team's address stops the question notices (GET asks, POST does: RFC 8058)."""
    email = email_from_team_token(token)
    if email is None:
        return TemplateResponse(request, "alerts/unsubscribe_invalid.html", status=400)
    if request.method == "POST":
        TeamOptOut.objects.get_or_create(email=email)
        return form_page(request, "team_unsubscribed", {})
    return form_page(request, "team_unsubscribe", {"token": token})
