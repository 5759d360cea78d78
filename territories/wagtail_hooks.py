from wagtail import hooks

from territories.viewsets import TerritoryGroup


@hooks.register("register_admin_viewset")
def register_territories():
    return TerritoryGroup()
