"""A member's territory for "Territories like mine" (``territories.reader``): their profile's,
so that it follows them from one browser to another; the session otherwise."""

from types import EllipsisType

from members.access import forget_member, member_of
from members.models import Member
from territories.models import Territory


def read(user) -> Territory | EllipsisType:
    """The member's reference territory, or ``...`` (not a member, or none chosen: the session's)."""
    member = member_of(user)
    if member is None or member.territory is None:
        return ...
    return member.territory


def write(user, territory: Territory | None) -> bool:
    """Kept in the member's profile (name and code too, for a municipality); False for a non-member."""
    changes = {"territory": territory}
    if territory is not None:
        changes["territory_name"] = territory.name
        changes["territory_code"] = territory.code if territory.level == "commune" else ""
    written = bool(Member.objects.filter(user=user).update(**changes))
    forget_member(user)
    return written
