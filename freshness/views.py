"""The pages a reminder's links open: GET asks (a mail scanner that follows links answers
nothing), POST answers. A refused link gets a page saying why (400, 403 or 410), never a 500."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from freshness.models import Reminder
from freshness.services.answers import act, can_edit, check, tell_editors
from freshness.services.links import LinkRefused
from practices.models import PracticePage

MAX_TOKEN = 1_000


def refused(request, practice, error: LinkRefused):
    context = {"reason": error.reason, "practice": practice}
    return TemplateResponse(request, "freshness/link_refused.html", context, status=error.status)


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request, page_id: int, token: str):
    practice = PracticePage.objects.filter(pk=page_id).select_related("locale").first() if page_id < 2**63 else None
    if practice is None:
        raise Http404
    try:
        if len(token) > MAX_TOKEN:
            raise LinkRefused(400, "broken")
        link = check(practice, token)
        if request.method == "POST":
            act(link)
    except LinkRefused as error:
        return refused(request, practice, error)
    update = link.answer.answer == Reminder.Answer.UPDATE
    if request.method == "POST":
        if update and can_edit(link):
            return redirect(reverse("wagtailadmin_pages:edit", args=[practice.pk]))
        if update:  # no admin account: the practice's editors are told instead
            tell_editors(link)
            return TemplateResponse(request, "freshness/update_noted.html", {"practice": practice, "owner": link.owner})
        return TemplateResponse(request, "freshness/verified.html", {"practice": practice})
    context = {"practice": practice, "token": token, "update": update, "owner": link.owner}
    return TemplateResponse(request, "freshness/answer.html", context)
