"""Follow a practice (every language version of it) from its page."""

from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from alerts.models import Follow
from members.access import member_required
from practices.services.listing import public_practices


@member_required
@require_POST
def follow(request, page_id):
    practice = public_practices().filter(pk=page_id).first()
    if practice is None:  # a draft, a private page or no practice: nothing to follow
        raise Http404
    if request.POST.get("action") == "unfollow":
        Follow.objects.filter(member=request.member, translation_key=practice.translation_key).delete()
    else:
        Follow.objects.get_or_create(member=request.member, translation_key=practice.translation_key)
    return redirect(f"{practice.url}#member-actions")  # the button now says what it did
