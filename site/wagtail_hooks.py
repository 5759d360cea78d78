"""Admin: page views that answer 403 when the user may not act on the page."""

from wagtail import hooks

from praxis.admin_refusals import PraxisPageViewSet
from praxis.http_cache import tag_page


@hooks.register("register_admin_viewset")  # after Wagtail's own page viewset (order -1): replaces it
def register_page_viewset():
    return PraxisPageViewSet()


@hooks.register("before_serve_page")
def tag_served_page(page, request, serve_args, serve_kwargs):
    """The front-end cache drops a page's copies by its tags (``praxis.http_cache``)."""
    tag_page(page, request)
