"""Atom and RSS feeds of a search: the same query and facets, newest practices first.

Only live, public practices the reader can read (the same scope as the search page).
A feed is the same for every reader of the same parameters: it is built once per content
version, language and canonical parameters (``praxis.services.fragments``).
"""

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from praxis.services import fragments
from praxis.services.language import only_own_language
from search.services.engine import run_search
from search.services.params import parse

FEED_SIZE = 30


class SearchFeed(Feed):
    """RSS 2.0 (``search/feed/rss/?…``)."""

    def __call__(self, request, *args, **kwargs):
        vary = (type(self).__name__, parse(request.GET).querydict().urlencode(), only_own_language(request))

        def build():
            response = super(SearchFeed, self).__call__(request, *args, **kwargs)
            return response.content, response["Content-Type"], response.get("Last-Modified")

        content, content_type, last_modified = fragments.cached(request, "search-feed", vary, build)
        response = HttpResponse(content, content_type=content_type)
        if last_modified:
            response["Last-Modified"] = last_modified
        return response

    def get_object(self, request):
        params = parse(request)
        params = params.__class__(**{**params.__dict__, "sort": "newest", "page": 1})
        outcome = run_search(request, params, per_page=FEED_SIZE, with_facets=False, with_labs=False)
        return {"params": params, "outcome": outcome, "request": request}

    def title(self, obj):
        if obj["params"].q:
            return _("Praxis: practices for “%(query)s”") % {"query": obj["params"].q}
        return _("Praxis: new practices")

    def link(self, obj):
        query = obj["params"].querydict(sort="")
        return f"{reverse('search:index')}?{query.urlencode()}" if query else reverse("search:index")

    def description(self, obj):
        return _("New inspiring practices matching this search, newest first.")

    def items(self, obj):
        return obj["outcome"].results

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url()

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [term.label() for term in item.policy_areas.all()]

    def item_guid(self, item):
        return item.get_full_url() or item.get_url()


class SearchAtomFeed(SearchFeed):
    """Atom 1.0 (``search/feed/atom/?…``)."""

    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
