"""Admin: the flat practice listing."""

from wagtail import hooks

from practices.viewsets import PracticeListingViewSet


@hooks.register("register_admin_viewset")
def register_practice_listing():
    return PracticeListingViewSet()
