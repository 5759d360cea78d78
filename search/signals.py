"""Keep the search index right for what Wagtail's own signal handlers miss.

Wagtail indexes a page on ``post_save``, which fires before a ``ClusterableModel``
commits its many-to-many fields, and the shared-relations sync
(``praxis.signals``) rewrites the translations' classification without saving them.
So once a page is published, the whole translation group is re-indexed with its
final classification (taxonomy names are part of the indexed text).
"""

import logging

from modelsearch.index import insert_or_update_object
from wagtail.signals import page_published

from praxis.services.fragments import bump_content_version

logger = logging.getLogger("search")


def reindex_translation_group(sender, instance, **kwargs):
    """Runs after ``praxis.signals`` (connected first): the relations are final by now.

    Then the cached fragments are renewed once more: one computed between the first
    renewal (on publish) and this re-indexing could hold similar practices ranked on the
    old index."""
    for page in type(instance).objects.filter(translation_key=instance.translation_key):
        insert_or_update_object(page)
    bump_content_version()


def connect():
    from practices.models import PracticePage

    page_published.connect(reindex_translation_group, sender=PracticePage, dispatch_uid="search.reindex_practice_group")
