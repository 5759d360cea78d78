"""Who works on a plan (the owner decides): invite by email, accept an invitation, change a
role, remove a collaborator, pass ownership, revoke an invitation, leave a plan."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members.access import member_required
from transpositions.access import Role, plan_for
from transpositions.forms import InviteForm, RoleForm
from transpositions.models import Collaborator, Invitation
from transpositions.services import sharing
from transpositions.tasks import send_invitation
from transpositions.views import plan_context, private


def to_collaborators(plan):
    return redirect(reverse("transpositions:plan", args=[plan.pk]) + "#collaborators")


@private
@require_POST
@member_required
def invite(request, plan_id):
    plan = plan_for(request.member, plan_id, Role.OWNER)
    form = InviteForm(request.POST, plan=plan)
    allowed = sharing.may_invite(request.member)
    if not allowed:
        form.add_error(None, _("You have sent as many invitations as allowed today. Please try again tomorrow."))
    if not allowed or not form.is_valid():
        context = plan_context(request, plan)
        context["invite_form"] = form
        return TemplateResponse(request, "transpositions/plan.html", context, status=400 if allowed else 429)
    invitation = sharing.invite(plan, request.member, form.cleaned_data["email"], form.cleaned_data["role"])
    transaction.on_commit(lambda: send_invitation.enqueue(invitation.pk))
    messages.success(request, _("The invitation is on its way to %(email)s.") % {"email": invitation.email})
    return to_collaborators(plan)


@private
@require_POST
@member_required
def collaborator(request, plan_id, collaborator_id: int):
    """One of ``role`` (with a new role), ``owner`` (make them the owner), ``remove``."""
    plan = plan_for(request.member, plan_id, Role.OWNER)
    target = get_object_or_404(Collaborator.objects.select_related("member"), plan=plan, pk=collaborator_id)
    action = request.POST.get("action", "")
    if target.role == Role.OWNER:
        messages.error(request, _("Make another collaborator the owner first: a plan always has an owner."))
    elif action == "role":
        form = RoleForm(request.POST)
        if form.is_valid():
            sharing.change_role(plan, request.member, target, form.cleaned_data["role"])
            messages.success(request, _("%(name)s's role is changed.") % {"name": target.member.name})
    elif action == "owner":
        sharing.make_owner(plan, request.member, target)
        messages.success(
            request, _("%(name)s is now the plan's owner; you are an editor.") % {"name": target.member.name}
        )
    elif action == "remove":
        sharing.remove(plan, request.member, target)
        messages.success(request, _("%(name)s no longer has access to the plan.") % {"name": target.member.name})
    return to_collaborators(plan)


@private
@require_POST
@member_required
def revoke(request, plan_id, invitation_id: int):
    plan = plan_for(request.member, plan_id, Role.OWNER)
    invitation = get_object_or_404(Invitation, plan=plan, pk=invitation_id, accepted_at__isnull=True)
    sharing.revoke(plan, request.member, invitation)
    messages.success(request, _("The invitation to %(email)s is revoked.") % {"email": invitation.email})
    return to_collaborators(plan)


@private
@require_POST
@member_required
def leave(request, plan_id):
    plan = plan_for(request.member, plan_id)
    mine = Collaborator.objects.select_related("member").get(plan=plan, member=request.member)
    if mine.role == Role.OWNER:
        messages.error(request, _("Make another collaborator the owner before you leave the plan."))
        return to_collaborators(plan)
    sharing.remove(plan, request.member, mine)
    messages.success(request, _("You left the plan “%(title)s”.") % {"title": plan.title})
    return redirect("transpositions:list")


@private
@member_required
def accept(request, secret: str):
    """The link of an invitation email: for the signed-in, approved member with that address."""
    invitation, refusal = sharing.find_invitation(secret, request.member)
    if refusal is not None:
        context = {"refusal": refusal.value[0]}
        return TemplateResponse(request, "transpositions/invitation_refused.html", context, status=refusal.status)
    if request.method == "POST":
        sharing.accept(invitation, request.member)
        messages.success(request, _("You joined the plan."))
        return redirect("transpositions:plan", invitation.plan_id)
    context = {"invitation": invitation, "inviter": invitation.invited_by}
    return TemplateResponse(request, "transpositions/invitation.html", context)
