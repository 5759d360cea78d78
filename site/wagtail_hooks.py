"""Admin: page views that answer 403 when the user may not act on the page; sign-in protection's
pages (second factor, lock-outs)."""

from django.urls import include, path
from wagtail import hooks

from praxis.admin_refusals import PraxisPageViewSet
from praxis.http_cache import tag_page
from praxis.signin import urls as signin_urls
from praxis.signin.lockout_views import lockouts_menu_item
from praxis.signin.views import account_menu_item as second_factor_menu_item


@hooks.register("register_admin_viewset")  # after Wagtail's own page viewset (order -1): replaces it
def register_page_viewset():
    return PraxisPageViewSet()


@hooks.register("register_admin_urls")
def register_signin_urls():
    return [path("signin/", include(signin_urls, namespace="praxis_signin"))]


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return lockouts_menu_item()


@hooks.register("register_account_menu_item")
def register_second_factor_menu_item(request):
    return second_factor_menu_item(request)


@hooks.register("before_serve_page")
def tag_served_page(page, request, serve_args, serve_kwargs):
    """The front-end cache drops a page's copies by its tags (``praxis.http_cache``)."""
    tag_page(page, request)
