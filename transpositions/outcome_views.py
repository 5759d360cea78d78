"""Sharing a plan's outcome: its owner, once the plan is done or abandoned."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from members.access import member_required
from transpositions.access import Role, plan_for
from transpositions.outcome_forms import OutcomeForm
from transpositions.services import outcomes


@never_cache
@member_required
def share(request, plan_id):
    plan = plan_for(request.member, plan_id, Role.OWNER)
    shared = plan.outcomes.order_by("-submitted_at", "-pk").first()
    context = {"plan": plan, "shared": shared}
    if not outcomes.shareable(plan):
        context["refusal"] = _("An outcome can be shared once the plan is done or abandoned.")
        return TemplateResponse(request, "transpositions/share_outcome.html", context, status=409)
    if shared is not None and shared.review != shared.Review.REJECTED:
        # Waiting for review or approved: shown, not shared twice.
        return TemplateResponse(
            request, "transpositions/share_outcome.html", context, status=409 if request.method == "POST" else 200
        )
    if request.method == "POST":
        form = OutcomeForm(request.POST)
        if form.is_valid():
            outcomes.share(plan, request.member, form.cleaned_data)
            messages.success(request, _("Thank you: your outcome was sent for review. You will be told by email."))
            return redirect("transpositions:share", plan_id=plan.pk)
        status = 400
    else:
        form = OutcomeForm(initial={"territory_name": plan.territory_name, "outcome": outcomes.default_outcome(plan)})
        status = 200
    context["form"] = form
    return TemplateResponse(request, "transpositions/share_outcome.html", context, status=status)
