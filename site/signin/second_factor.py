"""Who gives a second factor, and the middleware that asks for it in the admin.

After the password, an admin user who has set up an authenticator app gives one of its codes
(or a recovery code) before any admin page; a member of a group listed in
``PRAXIS_REQUIRE_2FA_GROUPS`` who has not set one up is sent to set it up first. Other editors
may set it up from their account menu. Public pages are not concerned.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

# Admin views a signed-in user reaches before giving the second factor.
OPEN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "praxis_signin:verify",
    "praxis_signin:enrol",
}


def second_factor_required(user) -> bool:
    """Whether ``user`` must set up a second factor before using the admin."""
    groups = settings.PRAXIS_REQUIRE_2FA_GROUPS
    return bool(groups) and user.groups.filter(name__in=groups).exists()


class SecondFactorMiddleware:
    """Sends an admin request signed in by password only to the verification or set-up page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        match = request.resolver_match
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        if not request.path.startswith(reverse("wagtailadmin_home")) or match.view_name in OPEN_VIEWS:
            return None
        if user_has_device(user):
            target = "praxis_signin:verify"
        elif second_factor_required(user):
            target = "praxis_signin:enrol"
        else:
            return None
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
