"""Signals of the project: relations shared by every translation of a page kept in step,
a new lab's editors set up at once, cached fragments of pages dropped when content changes."""

from wagtail.signals import page_published

from praxis.services import editorial, fragments
from praxis.services.translations import sync_shared_relations


def on_page_published(sender, instance, **kwargs):
    if getattr(type(instance), "shared_relations", ()):
        sync_shared_relations(instance)


def connect():
    page_published.connect(on_page_published, dispatch_uid="praxis.sync_shared_relations")
    editorial.connect()
    fragments.connect()  # last: the bump follows the writes of the receivers above
