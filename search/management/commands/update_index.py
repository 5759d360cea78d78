"""``manage.py update_index``: Wagtail's, then one content-version bump.

Rebuilding the text index (after an outage of Elasticsearch, after a migration of the database
index) changes what searches find without publishing anything: the bump makes every search
answer kept before it (``search.services.kept``) and every cached fragment unusable.
"""

from wagtail.search.management.commands.update_index import Command as UpdateIndex

from praxis.services.fragments import bump_content_version


class Command(UpdateIndex):
    def handle(self, **options):
        try:
            super().handle(**options)
        finally:
            bump_content_version()
