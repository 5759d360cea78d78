"""Admin: page views that answer 403 when the user may not act on the page."""

from wagtail import hooks

from praxis.admin_refusals import PraxisPageViewSet


@hooks.register("register_admin_viewset")  # after Wagtail's own page viewset (order -1): replaces it
def register_page_viewset():
    return PraxisPageViewSet()
