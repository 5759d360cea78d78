"""Questions and answers under each practice: who may ask and answer, moderation (first posts
held, reports, hidden or removed with a reason, logged), notifications (above
``contributions``)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionsConfig(AppConfig):
    name = "discussions"
    verbose_name = _("Questions and answers")

    def ready(self):
        # Modules with models load once the registry is ready.
        from discussions import answerers, data
        from discussions.api import QuestionsAPIViewSet
        from members.data import register_erasure, register_export
        from praxis.api import api_router

        answerers.register_answerer(answerers.practice_contact)
        answerers.register_answerer(answerers.lab_editors)
        register_export(data.export)
        register_erasure(data.erase)
        api_router.register_endpoint("questions", QuestionsAPIViewSet)
