"""Keep the relations shared by every translation of a page in step."""

from wagtail.signals import page_published

from praxis.services.translations import sync_shared_relations


def on_page_published(sender, instance, **kwargs):
    if getattr(type(instance), "shared_relations", ()):
        sync_shared_relations(instance)


def connect():
    page_published.connect(on_page_published, dispatch_uid="praxis.sync_shared_relations")
