"""Admin: the dashboard's panel of stale practices (an editor sees those of their labs, the
network team every one, per lab: ``freshness.services.dashboard``) and the record of
verifications (``freshness.viewsets``)."""

from django.conf import settings
from django.template.loader import get_template
from wagtail import hooks
from wagtail.admin.ui.components import Component

from freshness.services.dashboard import is_network_team, stale_for
from freshness.viewsets import VerificationViewSet


class StalePracticesPanel(Component):
    name = "stale_practices"
    template_name = "freshness/dashboard_panel.html"
    order = 150

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        team = is_network_team(self.user)
        labs = stale_for(self.user, team=team)
        return {
            "team": team,
            "labs": labs,
            "total": sum(lab.count for lab in labs),
            "max_age_days": settings.PRAXIS_FRESHNESS_MAX_AGE_DAYS,
            "escalate_after": settings.PRAXIS_FRESHNESS_ESCALATE_AFTER,
        }

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if not context["team"] and not context["labs"]:
            return ""  # an editor of no lab, or with nothing stale: no panel
        return get_template(self.template_name).render(context)


@hooks.register("register_admin_viewset")
def register_verifications():
    return VerificationViewSet()


@hooks.register("construct_homepage_panels")
def stale_practices_panel(request, panels):
    panels.append(StalePracticesPanel(request.user))
