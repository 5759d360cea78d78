from django.apps import AppConfig
from django.core.signals import request_finished
from django.utils.translation import gettext_lazy as _

from search.backends.base import Among


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Discovery")

    def ready(self):
        # Modules with models load once the registry is ready.
        from wagtail.models import Page

        from praxis.services import warming
        from search import signals
        from search.services import zero_results

        signals.connect()
        # Renewed by the worker after a change: the feeds without parameters, and the search
        # page's answer (search.services.kept).
        warming.register(warming.named_in_every_language("search:feed_rss", "search:feed_atom"))
        warming.register(warming.named_in_every_language("search:index"))
        # Searches without results are written after the response is sent.
        request_finished.connect(zero_results.flush_when_due, dispatch_uid="search.zero_results")
        # ``pk__among``: the page primary key only (scope.readable_pages filters pages by
        # the text match with it); an instance lookup, not one on every integer field.
        Page._meta.pk.register_lookup(Among)
