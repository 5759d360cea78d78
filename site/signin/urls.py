"""Admin URLs of sign-in protection (mounted under /admin/signin/ by praxis.wagtail_hooks)."""

from django.urls import path

from praxis.signin import lockout_views, views

app_name = "praxis_signin"
urlpatterns = [
    path("verify/", views.verify, name="verify"),
    path("two-step/", views.enrol, name="enrol"),
    path("recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("lockouts/", lockout_views.LockoutsView.as_view(), name="lockouts"),
    path("lockouts/<int:attempt_id>/unlock/", lockout_views.unlock_view, name="unlock"),
]
