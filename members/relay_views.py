"""The contact relay's pages: a member writes to a page's team; the team answers by a signed link."""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from members import relay
from members.access import member_required
from members.forms import RelayAnswerForm, RelayForm
from members.models import RelayMessage
from members.tasks import send_relay, send_relay_answer


@never_cache
@member_required
def write_to_team(request, page_id: int):
    page = relay.relayable_page(page_id)
    if page is None:
        raise Http404(_("There is no page to write about here."))
    kind = relay.recipient_kind(page)
    if kind is None:
        response = TemplateResponse(request, "members/relay_no_contact.html", {"page": page}, status=404)
        return response
    form = RelayForm(request.POST or None)
    allowed = relay.may_send(request.member)
    if request.method == "POST" and not allowed:
        form.add_error(None, _("You have sent as many messages as allowed today. Please try again tomorrow."))
    elif request.method == "POST" and form.is_valid():
        message = RelayMessage.objects.create(
            member=request.member,
            page=page,
            page_title=page.title[:255],
            recipient_kind=kind,
            subject=form.cleaned_data["subject"],
            body=form.cleaned_data["message"],
        )
        transaction.on_commit(lambda: send_relay.enqueue(message.pk))
        messages.success(request, _("Your message is on its way. The team's answer will come by email."))
        return redirect(page.url)
    context = {"page": page, "form": form, "recipient_kind": kind, "allowed": allowed}
    return TemplateResponse(request, "members/relay_write.html", context)


@never_cache
def answer(request, token: str):
    """No sign-in: the signed link is the key. One answer per message."""
    found = relay.read_answer_token(token)
    message = RelayMessage.objects.filter(pk=found[0]).select_related("member").first() if found else None
    if message is None:
        return TemplateResponse(request, "members/relay_bad_link.html", status=404)
    if message.member is None:
        return TemplateResponse(request, "members/relay_answered.html", {"message": message, "gone": True})
    if message.answered_at is not None:
        return TemplateResponse(request, "members/relay_answered.html", {"message": message})
    form = RelayAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        message.answer = form.cleaned_data["answer"]
        message.answered_at = timezone.now()
        message.save(update_fields=["answer", "answered_at"])
        team_email = found[1]
        transaction.on_commit(lambda: send_relay_answer.enqueue(message.pk, team_email))
        return TemplateResponse(request, "members/relay_answered.html", {"message": message, "just_sent": True})
    return TemplateResponse(request, "members/relay_answer.html", {"message": message, "form": form})
