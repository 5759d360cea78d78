"""The network team's page of current sign-in lock-outs, each with an "Unlock" button."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from praxis.admin_refusals import permission_denied_page
from praxis.signin.lockout import current_lockouts, unlock

# Granted to the network editorial team by praxis.services.editorial.
UNLOCK_PERMISSION = "axes.delete_accessattempt"


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "signin/lockouts.html"
    page_title = _("Sign-in lock-outs")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(UNLOCK_PERMISSION):
            return permission_denied_page(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(lockouts=current_lockouts(), **kwargs)


@require_POST
def unlock_view(request, attempt_id: int):
    if not request.user.has_perm(UNLOCK_PERMISSION):
        return permission_denied_page(request)
    attempt = unlock(attempt_id)
    if attempt is None:
        messages.warning(request, gettext("This lock-out had already ended."))
    else:
        messages.success(
            request,
            gettext("%(username)s may sign in again from %(address)s.")
            % {"username": attempt.username, "address": attempt.ip_address},
        )
    return redirect("praxis_signin:lockouts")


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(UNLOCK_PERMISSION)


def lockouts_menu_item():
    return LockoutsMenuItem(
        _("Sign-in lock-outs"), reverse_lazy("praxis_signin:lockouts"), name="signin-lockouts", icon_name="lock"
    )
