"""The workspace's pages: start a plan from a practice, my plans, a plan (read or edit), its
territory, its competence check, deleting it. Collaborators: ``collaborator_views``.

Every response is private and never stored (``private``), 404 and 403 included; whether a
member may see or change a plan is decided by ``transpositions.access`` only.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.defaults import page_not_found, permission_denied

from members.access import member_required
from practices.models import PracticePage
from territories.views import resolve
from transpositions.access import Role, plan_for, role_of
from transpositions.forms import InviteForm, PlanEditor, readable
from transpositions.models import Collaborator, Plan
from transpositions.services import editing, reading
from transpositions.services.starting import start_plan


def private(view):
    """Responses (errors included) are ``private, no-store``: no cache, shared or not, keeps a plan."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except Http404 as exc:
            response = page_not_found(request, exc)
        except PermissionDenied as exc:
            response = permission_denied(request, exc)
        add_never_cache_headers(response)
        return response

    return wrapper


@private
@require_POST
@member_required
def start(request):
    """A new plan for a live, public practice; one the member already has is offered first."""
    try:
        page_id = int(request.POST.get("practice", ""))
    except ValueError:
        raise Http404(_("There is no practice to transpose here.")) from None
    practice = PracticePage.objects.live().public().filter(pk=page_id).first()
    if practice is None:
        raise Http404(_("There is no practice to transpose here."))
    existing = list(
        Plan.objects.of_member(request.member).filter(practice_key=practice.translation_key).order_by("-updated_at")
    )
    if existing and not request.POST.get("another"):
        context = {"practice": practice, "plans": existing}
        return TemplateResponse(request, "transpositions/start_existing.html", context)
    plan = start_plan(request.member, practice)
    messages.success(request, _("Your transposition plan is ready: it is filled in from the practice."))
    return redirect("transpositions:plan", plan.pk)


@private
@member_required
def plan_list(request):
    roles = Collaborator.objects.filter(member=request.member).select_related("plan")
    plans = (
        Plan.objects.of_member(request.member)
        .annotate(last_change=Max("changes__at"))
        .order_by("-updated_at")
        .select_related("practice")
    )
    by_plan = {collaborator.plan_id: collaborator.get_role_display() for collaborator in roles}
    rows = [{"plan": plan, "role": by_plan.get(plan.pk, "")} for plan in plans]
    return TemplateResponse(request, "transpositions/plan_list.html", {"rows": rows})


def plan_context(request, plan: Plan, editor: PlanEditor | None = None, **extra) -> dict:
    role = role_of(plan, request.member)
    may_edit = role in (Role.OWNER, Role.EDITOR)
    context = {
        "plan": plan,
        "role": role,
        "may_edit": may_edit,
        "is_owner": role == Role.OWNER,
        "editor": editor or (PlanEditor(plan) if may_edit else None),
        "readable": None if may_edit else readable(plan),
        "source": reading.source_of(plan),
        "estimates": reading.estimates_of(plan),
        "history": reading.history(plan),
        "collaborators": plan.collaborators.select_related("member").order_by("added_at", "pk"),
    }
    if role == Role.OWNER:
        context["invitations"] = plan.invitations.filter(accepted_at__isnull=True).order_by("created_at")
        context["invite_form"] = InviteForm(plan=plan)
    context.update(extra)
    return context


@private
@member_required
def plan_page(request, plan_id):
    if request.method != "POST":
        plan = plan_for(request.member, plan_id)
        return TemplateResponse(request, "transpositions/plan.html", plan_context(request, plan))
    plan = plan_for(request.member, plan_id, Role.EDITOR)
    editor = PlanEditor(plan, request.POST)
    if not editor.is_valid():
        return TemplateResponse(request, "transpositions/plan.html", plan_context(request, plan, editor), status=400)
    result = editing.save_plan(plan, request.member, editor.form.cleaned_data["version"], editor.values())
    if isinstance(result, editing.Conflict):
        data = request.POST.copy()
        data["version"] = str(result.plan.version)
        current = result.plan
        differences = [(reading.label(name), reading.as_text(current, name)) for name in result.differences]
        context = plan_context(request, current, PlanEditor(current, data), conflict=result, differences=differences)
        return TemplateResponse(request, "transpositions/plan.html", context, status=409)
    if result.changed:
        messages.success(request, _("The plan is saved."))
    else:
        messages.info(request, _("Nothing had changed: there was nothing to save."))
    return redirect("transpositions:plan", plan.pk)


@private
@require_POST
@member_required
def territory(request, plan_id):
    plan = plan_for(request.member, plan_id, Role.EDITOR)
    chosen, choices, error, typed = resolve(request.POST)
    if chosen is None:
        context = plan_context(request, plan, territory_choices=choices, territory_error=error, territory_typed=typed)
        return TemplateResponse(request, "transpositions/plan.html", context, status=400 if error else 200)
    editing.change_territory(plan, request.member, chosen)
    messages.success(request, _("The plan's territory is now %(name)s.") % {"name": chosen.name})
    return redirect("transpositions:plan", plan.pk)


@private
@require_POST
@member_required
def competence(request, plan_id):
    plan = plan_for(request.member, plan_id, Role.EDITOR)
    if editing.check_competence_again(plan, request.member):
        messages.success(request, _("The competence check was made again: its result changed."))
    else:
        messages.info(request, _("The competence check was made again: nothing changed."))
    return redirect(reverse("transpositions:plan", args=[plan.pk]) + "#competence")


@private
@member_required
def delete(request, plan_id):
    plan = plan_for(request.member, plan_id, Role.OWNER)
    if request.method == "POST":
        title = plan.title
        plan.delete()
        messages.success(request, _("The plan “%(title)s” is deleted.") % {"title": title})
        return redirect("transpositions:list")
    return TemplateResponse(request, "transpositions/plan_delete.html", {"plan": plan})
