"""The public read API (Wagtail API v2) at /api/v2/: pages, images, documents.

Only live pages without any view restriction are served, whoever asks (a signed-in
editor gets the same answers as anyone). Practices and labs can be filtered by their
vocabularies (``?policy_area=logement,mobilite`` matches any of the slugs) and by
``?locale=``. Every parameter is read by ``praxis.params`` first (``API_PARAMETERS``):
bad parameters get a 400 with a message, never a server error.
"""

import functools
import json

from django.apps import apps
from django.core.exceptions import FieldError, ValidationError
from django.db.models import Q
from django.http import JsonResponse
from django.urls import re_path
from rest_framework import status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    OrderingFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction, Page
from wagtail.utils.urlpatterns import decorate_urlpatterns

from praxis.params import Choice, Integer, ParameterError, SlugList, Text, answers_json, error_body, read
from praxis.services import fragments
from praxis.services.locales import locale_codes


def taxonomy_filters() -> dict:
    """query parameter -> (vocabulary model, [(page model, relation)]).

    A model becomes an API filter by declaring ``query_parameter`` (the vocabularies do);
    the pages it classifies are its many-to-many relations from page models. Found when
    the URLs are loaded, so this package names none of the apps above it."""
    filters = {}
    for model in apps.get_models():
        parameter = getattr(model, "query_parameter", None)
        if parameter:
            relations = [
                (relation.related_model, relation.field.name)
                for relation in model._meta.related_objects
                if relation.many_to_many and issubclass(relation.related_model, Page)
            ]
            filters[parameter] = (model, relations)
    return filters


TAXONOMY_FILTERS = taxonomy_filters()
LIMIT_MAX = 20  # Wagtail's default WAGTAILAPI_LIMIT_MAX
MAX_OFFSET = 1_000_000


class PageId(Integer):
    """A page id, or ``root`` (Wagtail's tree filters accept it)."""

    def convert(self, text):
        return text if text == "root" else super().convert(text)

    def schema(self) -> dict:
        return {"anyOf": [super().schema(), {"type": "string", "enum": ["root"]}]}


def known_slugs(vocabulary):
    return lambda slugs: vocabulary.objects.filter(slug__in=slugs).values_list("slug", flat=True)


# What the API reads (every other parameter is still checked: safe, not repeated, at most 1,000
# characters, then Wagtail's field filters or its "unknown parameter" 400).
COMMON_PARAMETERS = [
    Text("fields", max_length=1_000),
    Integer("limit", minimum=0, maximum=LIMIT_MAX),
    Integer("offset", minimum=0, maximum=MAX_OFFSET),
    Text("order", max_length=100),
    Text("search", max_length=200),
    Choice("search_operator", choices=("and", "or")),
    Integer("id", minimum=1),
]
PAGE_PARAMETERS = [
    *COMMON_PARAMETERS,
    Text("type", max_length=200),
    Choice("locale", choices=locale_codes),
    *(PageId(name, minimum=1) for name in ("child_of", "ancestor_of", "descendant_of", "translation_of")),
    Text("site", max_length=255),
    Text("html_path", max_length=1_000),
    *(SlugList(parameter, known=known_slugs(vocabulary)) for parameter, (vocabulary, _r) in TAXONOMY_FILTERS.items()),
]


def keep_markers(filtered, original):
    """Wagtail's filters leave notes on the queryset (e.g. child_of) that later filters read."""
    for marker in ("_filtered_by_child_of", "_filtered_by_tag"):
        if hasattr(original, marker):
            setattr(filtered, marker, getattr(original, marker))
    return filtered


class SafeFieldsFilter(FieldsFilter):
    """Field filters (``?start_year=2019``) that answer 400 rather than 500 to a bad value."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name in request.GET:
            if name in fields and name != "locale":
                field = queryset.model._meta.get_field(name)
                if isinstance(field, StreamField | RichTextField) or field.many_to_many:
                    raise BadRequestError(f"{name} cannot be used as a filter")
        try:
            return super().filter_queryset(request, queryset, view)
        except (ValueError, TypeError, OverflowError, ValidationError, FieldError) as error:
            raise BadRequestError(f"field filter error: {error}") from error


class StrictLocaleFilter:
    """``?locale=xx``: 400 for a language the site does not have."""

    def filter_queryset(self, request, queryset, view):
        code = view.parameters.get("locale")  # read (and checked) by praxis.params
        if code is None:
            return queryset
        return keep_markers(queryset.filter(locale__language_code=code), queryset)


class TaxonomyFilter:
    """``?policy_area=``, ``?territory_type=``, ``?instrument=``, ``?method=``: slugs, comma-separated."""

    def filter_queryset(self, request, queryset, view):
        for parameter, (_vocabulary, relations) in TAXONOMY_FILTERS.items():
            if parameter not in request.GET:
                continue
            slugs = view.parameters.get(parameter)  # known slugs, checked by praxis.params
            if not slugs:
                raise BadRequestError(f"{parameter}: is empty.")
            matching = Q(pk__in=[])
            for model, relation in relations:
                pages = model.objects.filter(**{f"{relation}__slug__in": slugs})
                matching |= Q(pk__in=pages.values("pk"))
            queryset = keep_markers(queryset.filter(matching), queryset)
        return queryset


class BadInputAs400:
    """Reads the query string through ``praxis.params`` before anything else; a refused
    parameter, or a value the database cannot compare (``?id=abc``), is the client's error."""

    parameter_specs = COMMON_PARAMETERS

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.parameters = read(request, self.parameter_specs, strict=True)

    def handle_exception(self, exc):
        if isinstance(exc, ParameterError):
            return Response(error_body(exc), status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, ValueError | ValidationError | FieldError):
            return Response({"message": f"bad request: {exc}"}, status=status.HTTP_400_BAD_REQUEST)
        return super().handle_exception(exc)


class PublicPagesAPIViewSet(BadInputAs400, PagesAPIViewSet):
    filter_backends = [
        SafeFieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        StrictLocaleFilter,
        TaxonomyFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(TAXONOMY_FILTERS)
    parameter_specs = PAGE_PARAMETERS

    def get_base_queryset(self):
        # Wagtail lets a visitor who passed a password (or a signed-in user) see restricted
        # pages here; the public API never serves them.
        return super().get_base_queryset().public()

    def get_queryset(self):
        # Every item shows its locale: one join rather than a query per item.
        return super().get_queryset().select_related("locale")

    def listing_view(self, request):
        """The same answer for everyone asking the same thing: built once per content
        version and query string (a bad parameter is a 400, never cached)."""

        def build():
            data = super(PublicPagesAPIViewSet, self).listing_view(request).data
            return json.loads(JSONRenderer().render(data))

        return Response(fragments.cached(request, "api-pages", (request.GET.urlencode(),), build))


def restricted_collection_ids() -> list[int]:
    """Collections under any view restriction, and their descendants."""
    ids = set()
    for collection in Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection_id")
    ).order_by():
        ids.update(Collection.objects.descendant_of(collection, inclusive=True).values_list("pk", flat=True))
    return list(ids)


class PublicImagesAPIViewSet(BadInputAs400, ImagesAPIViewSet):
    filter_backends = [SafeFieldsFilter, OrderingFilter, SearchFilter]

    def get_queryset(self):
        return self.model.objects.exclude(collection__in=restricted_collection_ids()).order_by("id")


class PublicDocumentsAPIViewSet(BadInputAs400, DocumentsAPIViewSet):
    filter_backends = [SafeFieldsFilter, OrderingFilter, SearchFilter]

    def get_queryset(self):
        return self.model.objects.exclude(collection__in=restricted_collection_ids()).order_by("id")


# LocaleMiddleware turns a 404 on a URL without language prefix into a redirect to
# /fr/<same path>, which Wagtail's catch-all makes look valid. API clients must get the
# 404 itself, so for API views LocaleMiddleware checks this module's urlconf instead,
# which has no language prefix (and no patterns).
NO_LANGUAGE_PREFIX_URLCONF = "praxis.api"
urlpatterns = []


def without_language_redirect(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        request.urlconf = NO_LANGUAGE_PREFIX_URLCONF
        return view(request, *args, **kwargs)

    return answers_json(wrapped)


def api_not_found(request, *args, **kwargs):
    return JsonResponse({"message": "not found: see /api/v2/openapi.json for the endpoints"}, status=404)


class PublicAPIRouter(WagtailAPIRouter):
    def get_urlpatterns(self):
        patterns = super().get_urlpatterns() + [re_path(r"^", api_not_found)]
        return decorate_urlpatterns(patterns, without_language_redirect)


api_router = PublicAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
