"""Who may see what on public pages."""


def can_see_contact_details(user) -> bool:
    """Contact emails are for signed-in staff (people who can use the admin)."""
    return bool(user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))
