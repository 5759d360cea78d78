"""Admin: the "Questions and answers" menu of the network team (discussions.viewsets)."""

from wagtail import hooks

from discussions.viewsets import DiscussionsGroup


@hooks.register("register_admin_viewset")
def register_discussions_admin():
    return DiscussionsGroup()
