"""Lock-out after repeated sign-in failures (django-axes, configured in the settings).

A username is locked out for the address it is tried from after ``AXES_FAILURE_LIMIT``
failures, for ``AXES_COOLOFF_TIME``; the network team may lift it sooner (``unlock``).
"""

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.shortcuts import render
from django.utils import timezone


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out sign-in gets (429), in the admin's design under /admin/, the
    site's elsewhere."""
    minutes = int(get_cool_off(request).total_seconds() // 60) if settings.AXES_COOLOFF_TIME else None
    template = "signin/locked_out_admin.html" if request.path.startswith("/admin/") else "signin/locked_out.html"
    return render(
        request,
        template,
        {"cooloff_minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT},
        status=429,
    )


def client_address(request) -> str | None:
    """The address a sign-in comes from. Behind ``PRAXIS_TRUSTED_PROXIES`` reverse proxies
    (each appending to ``X-Forwarded-For``), the entry the outermost one wrote; entries
    before it come from the client and are not trusted."""
    proxies = settings.PRAXIS_TRUSTED_PROXIES
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies][:45]  # at most an IPv6 address: nothing else to store
    return request.META.get("REMOTE_ADDR")


def current_lockouts():
    """Attempts that lock a username out from an address right now, the latest first."""
    attempts = AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
    if settings.AXES_COOLOFF_TIME:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    return attempts.order_by("-attempt_time")


def unlock(attempt_id: int) -> AccessAttempt | None:
    """Lift one lock-out (the username from that address may try again at once)."""
    attempt = current_lockouts().filter(pk=attempt_id).first()
    if attempt is not None:
        AccessAttempt.objects.filter(username=attempt.username, ip_address=attempt.ip_address).delete()
    return attempt


def signin_name(request, credentials=None) -> str | None:
    """The account a sign-in attempt names: the admin's username, or the email typed on the
    members' sign-in form (allauth authenticates with ``email`` and posts it as ``login``)."""
    credentials = credentials or {}
    name = credentials.get("username") or credentials.get("email")
    if not name and request is not None and request.method == "POST":
        name = request.POST.get("username") or request.POST.get("login")
    return name
