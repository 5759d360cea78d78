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
        from search.feeds import default_feeds
        from search.services import zero_results
        from search.services.counts import default_searches

        signals.connect()
        warming.register(default_feeds)  # renewed by the worker after a change
        warming.register(default_searches)  # the search page's counts, computed by the worker
        # Searches without results are written after the response is sent.
        request_finished.connect(zero_results.flush_when_due, dispatch_uid="search.zero_results")
        # ``pk__among``: the page primary key only (scope.readable_pages filters pages by
        # the text match with it); an instance lookup, not one on every integer field.
        Page._meta.pk.register_lookup(Among)
