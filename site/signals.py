"""Signals of the project: a publication runs one ordered pipeline, a new lab's editors are set
up at once, cached fragments of pages are dropped when content changes. Each owns its
receivers; the order in which they are connected changes nothing."""

from praxis.services import editorial, fragments, frontend_cache, publishing


def connect():
    publishing.connect()
    editorial.connect()
    fragments.connect()
    frontend_cache.connect()
