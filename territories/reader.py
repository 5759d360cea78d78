"""The reader's own territory ("where I work"), for "territories like mine".

One place reads and writes it: today the session (no account needed). A member's profile
will be preferred here once members have one. A response that used it is personal:
``request.personalised`` tells the public cache so.
"""

from territories.models import Territory

SESSION_KEY = "reader_territory"


def get_reader_territory(request) -> Territory | None:
    if hasattr(request, "_reader_territory"):
        return request._reader_territory
    territory = None
    session = getattr(request, "session", None)
    pk = session.get(SESSION_KEY) if session is not None else None
    if isinstance(pk, int):
        territory = Territory.objects.select_related("region", "departement", "epci").filter(pk=pk).first()
    request._reader_territory = territory
    if territory is not None:
        request.personalised = True
    return territory


def set_reader_territory(request, territory: Territory | None) -> None:
    if territory is None:
        request.session.pop(SESSION_KEY, None)
    else:
        request.session[SESSION_KEY] = territory.pk
    request._reader_territory = territory
