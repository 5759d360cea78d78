"""Reading the emails tests send: links in a body, a link's path for the test client."""

import re

LINK = re.compile(r"https?://[^\s]+")


def links_in(message) -> list[str]:
    return LINK.findall(message.body)


def link_to(message, fragment: str) -> str:
    """The path of the first link of ``message`` containing ``fragment``."""
    return path_of(next(link for link in links_in(message) if fragment in link))


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)
