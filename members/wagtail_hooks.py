"""Admin: the "Members" menu of the network team (members.viewsets)."""

from wagtail import hooks

from members.viewsets import MembersGroup


@hooks.register("register_admin_viewset")
def register_members_admin():
    return MembersGroup()
