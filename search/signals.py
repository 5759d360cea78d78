"""Keep the search index right for what Wagtail's own signal handlers miss.

Wagtail indexes a page on ``post_save``, which fires before a ``ClusterableModel``
commits its many-to-many fields, and the publish pipeline's first stage
(``praxis.services.publishing``) rewrites the translations' classification without saving
them. So once a practice is published, its whole translation group is re-indexed with its
final classification (taxonomy names are part of the indexed text): a step of the pipeline's
``INDEX`` stage, after the relations are synced and before the content version is bumped.
"""

from modelsearch.index import insert_or_update_object

from practices.models import PracticePage
from praxis.services.publishing import Stage, register_step


def reindex_translation_group(practice: PracticePage) -> None:
    for page in type(practice).objects.filter(translation_key=practice.translation_key):
        insert_or_update_object(page)


def connect():
    register_step(Stage.INDEX, reindex_translation_group, model=PracticePage)
