"""The members' own pages: "My account" (profile, data download, deletion) and the privacy page."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from members.data import erase_member, member_data
from members.forms import DeleteAccountForm, ProfileForm
from members.models import Member
from members.signals import signed_in


def _member(request) -> Member:
    """The signed-in user's profile (members.signals gives one to anyone signing in on the site;
    an editor signed in through the admin gets one here)."""
    member = Member.objects.filter(user=request.user).first()
    if member is None:
        signed_in(None, request, request.user)
        member = Member.objects.get(user=request.user)
    return member


@never_cache
@login_required
def account(request):
    member = _member(request)
    form = ProfileForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        member = form.save()
        messages.success(request, _("Your profile is saved."))
        with translation.override(member.language):
            return redirect("members:account")
    return TemplateResponse(request, "members/account.html", {"member": member, "form": form})


@never_cache
@login_required
def download_data(request):
    member = _member(request)
    data = json.dumps(member_data(member), ensure_ascii=False, indent=2)
    response = HttpResponse(data, content_type="application/json; charset=utf-8")
    filename = f"praxis-my-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
def delete_account(request):
    member = _member(request)
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        logout(request)
        erase_member(member)
        messages.success(request, _("Your account and your personal data are deleted."))
        return redirect("members:account_deleted")
    return TemplateResponse(request, "members/delete_account.html", {"form": form})


def account_deleted(request):
    return TemplateResponse(request, "members/account_deleted.html")


def privacy(request):
    return TemplateResponse(request, "members/privacy.html")
