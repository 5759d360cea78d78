"""The admin's second-factor pages: verification after the password, set-up of an
authenticator app (QR code drawn here, as SVG: the secret never leaves the site) and
recovery codes."""

from base64 import b32encode

import segno
from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from praxis.signin.second_factor import second_factor_required

RECOVERY_CODES = 10
APP_DEVICE_NAME = "Authenticator app"  # stored device names, not shown
RECOVERY_DEVICE_NAME = "Recovery codes"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def verify(request):
    """After the password: a code from the app, or a recovery code (used once)."""
    if request.user.is_verified():
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        for device in devices_for_user(request.user, confirmed=True):
            if device.verify_token(form.cleaned_data["code"]):
                otp_login(request, device)
                return redirect(_next_url(request))
        form.add_error("code", gettext("This code is not valid (or too many attempts: wait a little)."))
    return TemplateResponse(request, "signin/verify.html", {"form": form, "next": _next_url(request)})


def _new_recovery_codes(user) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _index in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def enrol(request):
    """Set up an authenticator app: scan the code, type the first code it shows."""
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        messages.info(request, gettext("Two-step verification is already set up for your account."))
        return redirect(_next_url(request))
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first() or TOTPDevice.objects.create(
        user=request.user, name=APP_DEVICE_NAME, confirmed=False
    )
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = _new_recovery_codes(request.user)
            otp_login(request, device)
            return TemplateResponse(request, "signin/recovery_codes.html", {"codes": codes, "next": _next_url(request)})
        form.add_error("code", gettext("This code is not valid: check your device's clock and type the latest one."))
    secret = b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "next": _next_url(request),
        "required": second_factor_required(request.user),
        "qr_code": segno.make(device.config_url, error="m").svg_inline(
            scale=5, title=gettext("QR code to scan with your authenticator app")
        ),
        "secret": " ".join(secret[index : index + 4] for index in range(0, len(secret), 4)),
    }
    return TemplateResponse(request, "signin/enrol.html", context)


def recovery_codes(request):
    """New recovery codes (the old ones stop working), once the second factor is given."""
    if not request.user.is_verified():
        return redirect(reverse("praxis_signin:enrol"))
    if request.method == "POST":
        codes = _new_recovery_codes(request.user)
        return TemplateResponse(request, "signin/recovery_codes.html", {"codes": codes, "next": _next_url(request)})
    remaining = StaticToken.objects.filter(device__user=request.user, device__name=RECOVERY_DEVICE_NAME).count()
    return TemplateResponse(request, "signin/recovery_codes_renew.html", {"remaining": remaining})


def account_menu_item(request):
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return {
            "url": reverse("praxis_signin:recovery_codes"),
            "label": gettext("Two-step verification"),
            "help_text": gettext("Two-step verification is on. Get new recovery codes if you used or lost yours."),
        }
    return {
        "url": reverse("praxis_signin:enrol"),
        "label": gettext("Two-step verification"),
        "help_text": gettext("Ask for a code from an authenticator app after your password."),
    }
