"""The reader's own territory ("where I work"), for "territories like mine".

One place reads and writes it: today the session (no account needed). A member's profile
will be preferred here once members have one. A response that used it is personal:
``request.personalised`` tells the public cache so.
"""

from collections.abc import Callable
from dataclasses import dataclass

from territories.models import Territory

SESSION_KEY = "reader_territory"


@dataclass(frozen=True)
class ProfileStore:
    """Where a signed-in reader's territory is kept instead of the session (members' profiles)."""

    read: Callable  # (user) -> Territory | None, or ``...`` when the user has no profile
    write: Callable  # (user, Territory | None) -> bool: True when the profile kept it


_profile_stores: list[ProfileStore] = []


def register_profile_store(store: ProfileStore) -> None:
    """Called by an app above this one (``members``) in its ``ready()``."""
    _profile_stores.append(store)


def _signed_in(request):
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def get_reader_territory(request) -> Territory | None:
    if hasattr(request, "_reader_territory"):
        return request._reader_territory
    territory = None
    session = getattr(request, "session", None)
    pk = session.get(SESSION_KEY) if session is not None else None
    user = _signed_in(request)
    for store in _profile_stores if user else ():
        kept = store.read(user)
        if kept is not ...:
            territory, pk = kept, None
            break
    if isinstance(pk, int):
        territory = Territory.objects.select_related("region", "departement", "epci").filter(pk=pk).first()
    request._reader_territory = territory
    if territory is not None:
        request.personalised = True
    return territory


def set_reader_territory(request, territory: Territory | None) -> None:
    user = _signed_in(request)
    for store in _profile_stores if user else ():
        store.write(user, territory)
    if territory is None:
        request.session.pop(SESSION_KEY, None)
    else:
        request.session[SESSION_KEY] = territory.pk
    request._reader_territory = territory
