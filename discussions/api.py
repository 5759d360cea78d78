"""Questions and their answers in the public API, a resource of their own:
``/api/v2/questions/`` (``?practice=<page id>``, ``?locale=fr``, ``limit``, ``offset``) and
``/api/v2/questions/<id>/``. Read-only; only published questions under live, public
practices, with their published answers; authors by name and organisation, never an address.
Every parameter is read by ``praxis.params`` (a bad one is a 400). Registered into the
site's router by ``DiscussionsConfig.ready()``; described in ``/api/v2/openapi.json``
through ``openapi_paths`` / ``openapi_schemas`` (``praxis.openapi``)."""

from django.db.models import Prefetch
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError, get_object_detail_url
from wagtail.api.v2.views import BaseAPIViewSet

from discussions.models import Post
from practices.models import PracticePage
from praxis.api import LIMIT_MAX, MAX_OFFSET, BadInputAs400
from praxis.api_fields import page_summary
from praxis.http_cache import tag
from praxis.params import Choice, Integer
from praxis.services.locales import locale_codes

PARAMETERS = [
    Integer("limit", minimum=0, maximum=LIMIT_MAX),
    Integer("offset", minimum=0, maximum=MAX_OFFSET),
    Integer("practice", minimum=1),
    Choice("locale", choices=locale_codes),
    Integer("id", minimum=1),
]
CACHE_TAG = "questions"


def author(post: Post) -> dict | None:
    if post.author is None:
        return None
    return {"name": post.author.name, "organisation": post.author.organisation}


class QuestionsAPIViewSet(BadInputAs400, BaseAPIViewSet):
    model = Post
    name = "questions"
    parameter_specs = PARAMETERS
    known_query_parameters = frozenset(spec.name for spec in PARAMETERS if spec.name != "id")

    def get_queryset(self):
        answers = Post.objects.filter(status=Post.Status.PUBLISHED).select_related("author").order_by("created_at")
        return (
            Post.objects.public()
            .questions()
            .filter(practice__in=PracticePage.objects.live().public().values("pk"))
            .select_related("author", "practice__locale")
            .prefetch_related(Prefetch("answers", queryset=answers, to_attr="public_answers"))
            .order_by("-published_at", "-pk")
        )

    def filter_queryset(self, queryset):
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown and self.action == "listing_view":
            raise BadRequestError(f"query parameter is not an operation or a recognised field: {sorted(unknown)[0]}")
        empty = sorted(
            name for name in self.known_query_parameters & set(self.request.GET) if self.parameters.get(name) is None
        )
        if empty:  # "?practice=" filters on nothing: refused, as the description's types say
            raise BadRequestError(f"{empty[0]}: is empty.")
        if self.parameters.get("practice"):
            queryset = queryset.filter(practice_id=self.parameters["practice"])
        if self.parameters.get("locale"):
            queryset = queryset.filter(language=self.parameters["locale"])
        return queryset

    def represent(self, question: Post) -> dict:
        request = self.request
        context = {"request": request, "router": request.wagtailapi_router}
        practice_url = question.practice.get_full_url(request)
        return {
            "id": question.pk,
            "meta": {
                "type": "discussions.Question",
                "detail_url": get_object_detail_url(request.wagtailapi_router, request, Post, question.pk),
                "html_url": f"{practice_url}#question-{question.pk}",
                "locale": question.language,
                "published_at": question.published_at,
            },
            "practice": page_summary(question.practice, context),
            "text": question.body,
            "author": author(question),
            "answers": [
                {
                    "id": answer.pk,
                    "text": answer.body,
                    "author": author(answer),
                    "role": answer.author_role,
                    "published_at": answer.published_at,
                }
                for answer in question.public_answers
            ],
        }

    # praxis.openapi: how this endpoint is described.
    openapi_item = "Question"
    openapi_schemas = staticmethod(lambda: question_schemas())
    openapi_parameters = staticmethod(lambda: question_parameters())

    def listing_view(self, request):
        tag(request._request, CACHE_TAG)  # the HttpRequest, which the middleware reads
        queryset = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response([self.represent(question) for question in queryset])

    def detail_view(self, request, pk):
        tag(request._request, CACHE_TAG)  # the HttpRequest, which the middleware reads
        unknown = set(request.GET) - {"format"}
        if unknown:
            raise BadRequestError(f"query parameter is not recognised here: {sorted(unknown)[0]}")
        return Response(self.represent(self.get_object()))


def question_schemas() -> dict:
    string, integer = {"type": "string"}, {"type": "integer"}
    date_time = {"type": "string", "format": "date-time", "nullable": True}
    person = {
        "type": "object",
        "nullable": True,
        "description": "Name and organisation of the member (null: a former member). Never an address.",
        "properties": {"name": string, "organisation": string},
    }
    return {
        "Question": {
            "type": "object",
            "description": (
                "A published question asked under a practice, in the language of the page it was asked on, "
                "with its published answers. Not part of the practice's text."
            ),
            "properties": {
                "id": integer,
                "meta": {
                    "type": "object",
                    "properties": {
                        "type": string,
                        "detail_url": string,
                        "html_url": string,
                        "locale": string,
                        "published_at": date_time,
                    },
                },
                "practice": {"$ref": "#/components/schemas/PageSummary"},
                "text": string,
                "author": person,
                "answers": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "id": integer,
                            "text": string,
                            "author": person,
                            "role": {"type": "string", "enum": list(Post.Role.values)},
                            "published_at": date_time,
                        },
                    },
                },
            },
        }
    }


def question_parameters() -> list[dict]:
    described = {
        "limit": "Items per response (at most 20).",
        "offset": "Items to skip.",
        "practice": "Only the questions asked on this practice page (its id in `/api/v2/pages/`).",
        "locale": "Only the questions in this language (the language of the page they were asked on).",
    }
    specs = {spec.name: spec for spec in PARAMETERS}
    return [
        {"name": name, "in": "query", "required": False, "description": text, "schema": specs[name].schema()}
        for name, text in described.items()
    ]
