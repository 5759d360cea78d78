"""``{% transposition_start page %}``: the practice page's "Start a transposition" button
(the practice page's template loads it; plans are this app's). Anonymous readers get a sign-in
link and cost no query; previews and drafts get nothing."""

from django import template

# The same lookup and sign-in link as the page's follow and selection actions (the member is
# cached on the request: one query).
from alerts.templatetags.alerts_tags import current_member, sign_in_url
from transpositions.models import Plan

register = template.Library()


@register.inclusion_tag("transpositions/tags/start.html", takes_context=True)
def transposition_start(context, practice):
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False) or not practice.pk or not practice.live:
        return {"hidden": True}
    member = current_member(request)
    if member is None:
        if request.user.is_authenticated:
            return {"hidden": True}  # signed in, not approved: nothing to offer yet
        return {"sign_in_url": sign_in_url(request)}
    plans = list(
        Plan.objects.of_member(member).filter(practice_key=practice.translation_key).order_by("-updated_at")[:3]
    )
    return {"member": member, "practice": practice, "plans": plans}
