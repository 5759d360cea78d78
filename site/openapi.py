"""An OpenAPI 3 description of /api/v2/, built from the registered endpoints and the
page models' ``api_fields`` (so it cannot drift from what the API serves).
Served at /api/v2/openapi.json.
"""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.http import JsonResponse
from django.views.decorators.http import require_GET
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from praxis.api import PAGE_PARAMETERS, TAXONOMY_FILTERS, api_router
from praxis.api_fields import CountryCodeField, PublicPageField, PublicPagesField, TermsField

API_PREFIX = "/api/v2"


def described_page_models() -> list:
    """The page types the API serves fields of (those declaring ``api_fields``)."""
    return [model for model in apps.get_models() if issubclass(model, Page) and getattr(model, "api_fields", None)]


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
REF = "#/components/schemas/"


def ref(name):
    return {"$ref": REF + name}


# What the API reads through praxis.params: each parameter's schema comes from its spec.
SPECS = {spec.name: spec for spec in PAGE_PARAMETERS}


def query(name, description, schema=None, example=None):
    if schema is None:
        schema = SPECS[name].schema() if name in SPECS else STRING
    parameter = {"name": name, "in": "query", "required": False, "description": description, "schema": schema}
    if example is not None:
        parameter["example"] = example
    return parameter


def common_listing_parameters():
    return [
        query("fields", "Comma-separated fields to add (or `-field` to remove, `*` for all).", example="*"),
        query("limit", "Items per response (at most 20).", example=10),
        query("offset", "Items to skip.", example=0),
        query("order", "Field to order by (prefix `-` for descending), or `random`.", example="id"),
        query("search", "Full-text search.", example="logement"),
        query("search_operator", "`and` or `or` between search words.", example="and"),
    ]


def page_listing_parameters():
    """Built when the description is asked for: some schemas (the languages) come from the database."""
    return [
        query("type", "Page type (`app_label.ModelName`), one of those described below."),
        query("locale", "Language code: only pages in this language.", example="fr"),
        query("child_of", "Only children of this page id (or `root`)."),
        query("ancestor_of", "Only ancestors of this page id."),
        query("descendant_of", "Only descendants of this page id (or `root`)."),
        query("translation_of", "Only translations of this page id."),
        query("site", "Host name of the site.", example="localhost"),
    ]


def taxonomy_parameters():
    return [
        query(
            name,
            f"{vocabulary._meta.verbose_name_plural.capitalize()}: comma-separated slugs (any of them).",
            example=getattr(vocabulary, "query_example", None),
        )
        for name, (vocabulary, _relations) in TAXONOMY_FILTERS.items()
    ]


def field_schema(model, api_field) -> dict:
    serializer = api_field.serializer
    if isinstance(serializer, TermsField):
        return {"type": "array", "items": ref("Term")}
    if isinstance(serializer, PublicPagesField):
        return {"type": "array", "items": ref("PageSummary")}
    if isinstance(serializer, PublicPageField):
        return {"allOf": [ref("PageSummary")], "nullable": True}
    if isinstance(serializer, CountryCodeField):
        return {"type": "string", "description": "ISO 3166-1 alpha-2 code"}
    try:
        field = model._meta.get_field(api_field.name)
    except FieldDoesNotExist:  # a property or method: described loosely
        return {}
    return django_field_schema(field)


def django_field_schema(field) -> dict:
    if isinstance(field, StreamField):
        return {"type": "array", "items": ref("StreamBlock")}
    if isinstance(field, RichTextField):
        return {"type": "string", "format": "html", "nullable": field.null}
    if isinstance(field, models.ForeignKey):
        return {"allOf": [ref("NestedObject")], "nullable": True}
    if isinstance(field, models.BooleanField):
        schema = {"type": "boolean"}
    elif isinstance(field, models.IntegerField):
        schema = {"type": "integer"}
    elif isinstance(field, models.DecimalField):
        schema = {"type": "string", "format": "decimal"}
    elif isinstance(field, models.DateTimeField):
        schema = {"type": "string", "format": "date-time"}
    elif isinstance(field, models.DateField):
        schema = {"type": "string", "format": "date"}
    else:
        schema = {"type": "string"}
    if field.choices:
        schema["enum"] = [value for value, _label in field.flatchoices]
    if field.null:
        schema["nullable"] = True
    return schema


def page_model_schema(model) -> dict:
    properties = {"id": INTEGER, "meta": ref("PageMeta"), "title": STRING}
    for api_field in getattr(model, "api_fields", []):
        name = getattr(api_field, "name", api_field)
        if not hasattr(api_field, "name"):
            from wagtail.api import APIField

            api_field = APIField(api_field)
        properties[name] = field_schema(model, api_field)
    return {
        "type": "object",
        "description": f"A {model._meta.verbose_name} (type {model._meta.label}).",
        "properties": properties,
    }


def listing(item_schema) -> dict:
    return {
        "type": "object",
        "properties": {
            "meta": {"type": "object", "properties": {"total_count": INTEGER}},
            "items": {"type": "array", "items": item_schema},
        },
    }


def responses(schema, *, not_found=False, not_found_description="Not found (or not public)") -> dict:
    answer = {
        "200": {"description": "OK", "content": {"application/json": {"schema": schema}}},
        "400": {"description": "Bad parameter", "content": {"application/json": {"schema": ref("Error")}}},
    }
    if not_found:
        answer["404"] = {
            "description": not_found_description,
            "content": {"application/json": {"schema": ref("Error")}},
        }
    return answer


def endpoint_paths(name, item_schema, detail_schema, listing_parameters) -> dict:
    base = f"{API_PREFIX}/{name}/"
    id_parameter = {"name": "id", "in": "path", "required": True, "schema": INTEGER}
    return {
        base: {
            "get": {
                "operationId": f"{name}_listing",
                "tags": [name],
                "parameters": listing_parameters,
                "responses": (
                    responses(listing(item_schema), not_found=True, not_found_description="Unknown `site`")
                    if name == "pages"
                    else responses(listing(item_schema))
                ),
            }
        },
        base + "{id}/": {
            "get": {
                "operationId": f"{name}_detail",
                "tags": [name],
                "parameters": [id_parameter, query("fields", "Fields to add or remove.")],
                "responses": responses(detail_schema, not_found=True),
            }
        },
        base + "find/": {
            "get": {
                "operationId": f"{name}_find",
                "tags": [name],
                "parameters": [query("id", "Object id.")]
                + (
                    [query("html_path", "Path of the page on the site, e.g. /fr/pratiques/.")]
                    if name == "pages"
                    else []
                ),
                "responses": {
                    "302": {"description": "Redirect to the detail URL"},
                    "400": {"description": "Bad parameter", "content": {"application/json": {"schema": ref("Error")}}},
                    "404": {"description": "Not found", "content": {"application/json": {"schema": ref("Error")}}},
                },
            }
        },
    }


def components() -> dict:
    page_models = {model._meta.object_name: page_model_schema(model) for model in described_page_models()}
    return {
        "schemas": {
            "Error": {
                "type": "object",
                "required": ["message"],
                "properties": {"message": STRING, "parameter": {**STRING, "description": "The refused parameter."}},
            },
            "Term": {"type": "object", "properties": {"slug": STRING, "name": STRING}},
            "PageSummary": {
                "type": "object",
                "properties": {
                    "id": INTEGER,
                    "title": STRING,
                    "slug": STRING,
                    "html_url": STRING,
                    "detail_url": STRING,
                },
            },
            "NestedObject": {
                "type": "object",
                "properties": {"id": INTEGER, "meta": {"type": "object"}, "title": STRING},
            },
            "StreamBlock": {"type": "object", "properties": {"type": STRING, "value": {}, "id": STRING}},
            "PageMeta": {
                "type": "object",
                "properties": {
                    "type": STRING,
                    "detail_url": STRING,
                    "html_url": STRING,
                    "slug": STRING,
                    "first_published_at": {"type": "string", "format": "date-time", "nullable": True},
                    "locale": STRING,
                    "search_description": STRING,
                },
            },
            "PageListingItem": {
                "type": "object",
                "properties": {"id": INTEGER, "meta": ref("PageMeta"), "title": STRING},
            },
            # anyOf: the page types share their base fields, so a page matches several of them.
            "Page": {"anyOf": [ref(name) for name in page_models] + [ref("PageListingItem")]},
            "Image": {
                "type": "object",
                "properties": {
                    "id": INTEGER,
                    "meta": {"type": "object"},
                    "title": STRING,
                    "width": INTEGER,
                    "height": INTEGER,
                },
            },
            "Document": {"type": "object", "properties": {"id": INTEGER, "meta": {"type": "object"}, "title": STRING}},
            **page_models,
            **endpoint_schemas(),
        }
    }


def endpoint_schemas() -> dict:
    """Schemas of the endpoints apps register (``openapi_schemas`` on their viewset)."""
    schemas = {}
    for endpoint in api_router._endpoints.values():
        if hasattr(endpoint, "openapi_schemas"):
            schemas.update(endpoint.openapi_schemas())
    return schemas


def openapi_document(server_url: str = "/") -> dict:
    paths = {}
    for name, endpoint in api_router._endpoints.items():
        if name == "pages":
            parameters = common_listing_parameters() + page_listing_parameters() + taxonomy_parameters()
            paths.update(endpoint_paths(name, ref("PageListingItem"), ref("Page"), parameters))
        elif hasattr(endpoint, "openapi_item"):  # an app's endpoint that describes itself
            schema = ref(endpoint.openapi_item)
            paths.update(endpoint_paths(name, schema, schema, endpoint.openapi_parameters()))
        else:
            schema = ref(name[:-1].capitalize())
            paths.update(endpoint_paths(name, schema, schema, common_listing_parameters()))
    paths[f"{API_PREFIX}/openapi.json"] = {
        "get": {
            "operationId": "openapi",
            "responses": {"200": {"description": "This description", "content": {"application/json": {}}}},
        }
    }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Praxis API",
            "version": "2",
            "description": (
                "Read-only access to the live, public pages of Praxis (inspiring practices, labs, programmes), "
                "images, documents, and the published questions and answers about practices. Contact emails, drafts and restricted pages are never served. "
                "Bulk downloads: /opendata/."
            ),
        },
        "servers": [{"url": server_url.rstrip("/") or "/"}],
        "paths": paths,
        "components": components(),
    }


@require_GET
def openapi_view(request):
    document = openapi_document(request.build_absolute_uri("/"))
    return JsonResponse(document, json_dumps_params={"indent": 2})
