"""What members can do, shown on lower layers' pages: save a search (search page), follow a
practice and add it to a selection (practice page, search results). Anonymous readers get a
sign-in link and cost no query."""

from urllib.parse import quote

from django import template
from django.conf import settings
from django.shortcuts import resolve_url

from alerts.forms import SaveSearchForm
from alerts.models import Follow
from members.access import approved_member

register = template.Library()


def current_member(request):
    """The approved member behind ``request`` (read once per request: ``members.access.member_of``), else None."""
    return approved_member(request.user) if request is not None else None


def selections_of(request, member):
    if not hasattr(request, "_alerts_selections"):
        request._alerts_selections = list(member.selections.all()) if member else []
    return request._alerts_selections


def sign_in_url(request) -> str:
    return f"{resolve_url(settings.LOGIN_URL)}?next={quote(request.get_full_path())}"


@register.simple_tag(takes_context=True)
def is_member(context) -> bool:
    """``{% is_member as member %}``: whether the reader is an approved member (what a
    kept fragment showing members' buttons varies on)."""
    return current_member(context.get("request")) is not None


@register.inclusion_tag("alerts/tags/save_search.html", takes_context=True)
def save_search_panel(context):
    request = context.get("request")
    member = current_member(request)
    if member is None:
        return {"sign_in_url": sign_in_url(request) if request else ""}
    form = SaveSearchForm(initial={"query": context.get("query_string", ""), "alert": "none"})
    return {"member": member, "form": form, "selections": selections_of(request, member), "request": request}


@register.inclusion_tag("alerts/tags/practice_actions.html", takes_context=True)
def practice_member_actions(context, practice):
    request = context.get("request")
    if request is None or getattr(request, "is_preview", False) or not practice.pk or not practice.live:
        return {"hidden": True}  # a preview or a draft: nothing to follow yet
    member = current_member(request)
    if member is None:
        return {"sign_in_url": sign_in_url(request), "practice": practice}
    following = Follow.objects.filter(member=member, translation_key=practice.translation_key).exists()
    return {
        "member": member,
        "practice": practice,
        "following": following,
        "selections": selections_of(request, member),
        "request": request,
    }


@register.inclusion_tag("alerts/tags/result_selection_button.html", takes_context=True)
def result_selection_button(context, practice):
    """A button of the search results' "add to selection" form (``save_search_panel``)."""
    return {"member": current_member(context.get("request")), "practice": practice}
