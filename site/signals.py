"""Signals of the project: a publication runs one ordered pipeline, a new lab's editors are set
up at once, cached fragments of pages (and the values each process keeps) are dropped when content changes. Each owns its
receivers; the order in which they are connected changes nothing."""

from praxis import opendata_files
from praxis.services import editorial, fragments, frontend_cache, publishing, versioned, warming


def connect():
    publishing.connect()
    editorial.connect()
    fragments.connect()
    fragments.content_changed.connect(versioned.forget, dispatch_uid="praxis.versioned.forget")
    fragments.content_changed.connect(opendata_files.on_content_changed, dispatch_uid="praxis.opendata.rebuild")
    frontend_cache.connect()
    warming.connect()  # after a change, the worker renews what readers see first
