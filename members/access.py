"""Who may use members' features: signed in, with an approved member profile."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse

from members.models import Member


def approved_member(user) -> Member | None:
    """The user's member profile when it is approved, else None (anonymous, pending, refused)."""
    if not getattr(user, "is_authenticated", False):
        return None
    member = Member.objects.filter(user=user, status=Member.Status.APPROVED).first()
    return member


def member_required(view):
    """Anonymous readers go to the sign-in page; members not (yet) approved get a 403 that says why."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        member = approved_member(request.user)
        if member is None:
            return TemplateResponse(request, "members/not_approved.html", status=403)
        request.member = member
        return view(request, *args, **kwargs)

    return wrapper
