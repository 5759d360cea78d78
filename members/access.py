"""Who may use members' features: signed in, with an approved member profile."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse

from members.models import Member

MEMBER_ATTRIBUTE = "_praxis_member"  # on the user instance: a request's user reads its profile once


def member_of(user) -> Member | None:
    """The user's member profile (any status, with its territory), else None; read once per
    user instance, i.e. once per request for ``request.user``."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, MEMBER_ATTRIBUTE):
        member = (
            Member.objects.filter(user=user)
            .select_related("territory__region", "territory__departement", "territory__epci")
            .first()
        )
        if member is not None:  # ``member.user`` is this user: not read again
            Member._meta.get_field("user").set_cached_value(member, getattr(user, "_wrapped", user))
        setattr(user, MEMBER_ATTRIBUTE, member)
    return getattr(user, MEMBER_ATTRIBUTE)


def forget_member(user) -> None:
    """After a change to the profile made with ``update()``: the next ``member_of`` reads it again."""
    if user is not None and hasattr(user, MEMBER_ATTRIBUTE):
        delattr(user, MEMBER_ATTRIBUTE)


def approved_member(user) -> Member | None:
    """The user's member profile when it is approved, else None (anonymous, pending, refused)."""
    member = member_of(user)
    return member if member is not None and member.status == Member.Status.APPROVED else None


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
