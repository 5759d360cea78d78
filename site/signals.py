"""Signals of the project: relations shared by every translation of a page kept in step,
vocabulary terms in use protected from deletion, a new lab's editors set up at once."""

from django.db.models.signals import pre_delete
from wagtail.signals import page_published

from praxis.services import editorial
from praxis.services.translations import sync_shared_relations
from praxis.taxonomy import protect_terms_in_use


def on_page_published(sender, instance, **kwargs):
    if getattr(type(instance), "shared_relations", ()):
        sync_shared_relations(instance)


def connect():
    page_published.connect(on_page_published, dispatch_uid="praxis.sync_shared_relations")
    for model in editorial.taxonomy_models():
        pre_delete.connect(protect_terms_in_use, sender=model, dispatch_uid=f"praxis.protect.{model._meta.label_lower}")
    editorial.connect()
