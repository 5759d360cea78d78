"""Who may see what on public pages."""


def may_use_admin(user) -> bool:
    """Signed-in staff: people who can use the admin (editors, the network team)."""
    return bool(user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


def can_see_contact_details(user) -> bool:
    """Contact emails are for signed-in staff."""
    return may_use_admin(user)
