"""Small values kept in this process's memory for one content version: the site of a host,
the private sections. Every request would otherwise read them again, though they change
only with a bump of the content version (``praxis.services.fragments``: a view restriction,
a site or a page saved, moved, published or deleted bumps it).

A value is used only by a request that read the same version (one query per request, which
the page's fragments need anyway), so several app servers never disagree for longer than a
request. A bump in this process forgets everything at once (``fragments.content_changed``,
connected in ``praxis.apps``), and so do the tests (a rolled-back transaction takes the
version back with it).

Only what is the same for every reader belongs here, and only what is small: the shared
cache (``fragments.cached``) holds the rest. One exception: the search's tally, about 10 MB
at 100,000 practices, which every search reads whole (``search.services.tally``).
"""

import copy
from collections.abc import Callable

from django.http.request import split_domain_port
from wagtail.models import Site

MAX_HOSTS = 64  # host and port pairs kept (any port of an allowed host reaches the app)

_kept: dict[str, tuple[int, object]] = {}


def kept(name: str, version: int, compute: Callable[[], object]):
    """``compute()``, computed once per content ``version`` in this process (None, "not known
    yet", is not kept: computed again next time)."""
    entry = _kept.get(name)
    if entry is not None and entry[0] == version:
        return entry[1]
    value = compute()
    if value is not None:
        _kept[name] = (version, value)
    return value


def forget(**kwargs) -> None:
    _kept.clear()


def find_site(request, version: int):
    """``Site.find_for_request`` (kept on the request as Wagtail keeps it), without its query
    when this process has found the site of this host and port for ``version`` already."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    sites = kept("sites", version, dict)
    if key not in sites:
        if len(sites) >= MAX_HOSTS:
            sites.clear()
        sites[key] = Site._find_for_request(request)
    site = sites[key]
    request._wagtail_site = copy.copy(site) if site is not None else None  # its own instance per request
    return request._wagtail_site
