"""The OpenAPI description at /api/v2/openapi.json matches the endpoints the API serves."""

import json

from django.urls import reverse
from factories import PracticePageFactory

from praxis.api import TAXONOMY_FILTERS, api_router


def test_openapi_is_valid_json_and_describes_every_endpoint(client, home):
    practice = PracticePageFactory()
    response = client.get("/api/v2/openapi.json")

    assert response.status_code == 200
    spec = json.loads(response.content)
    assert spec["openapi"].startswith("3.")
    paths = spec["paths"]
    for name in api_router._endpoints:
        assert reverse(f"wagtailapi:{name}:listing") in paths
        assert reverse(f"wagtailapi:{name}:listing") + "{id}/" in paths
    assert "/api/v2/openapi.json" in paths

    # Every documented path answers as documented.
    for path, operations in paths.items():
        concrete = path.replace("{id}", str(practice.pk))
        if "/images/" in path or "/documents/" in path:
            concrete = concrete.replace(str(practice.pk), "999999")
        answer = client.get(concrete)
        assert str(answer.status_code) in operations["get"]["responses"], (path, answer.status_code)


def test_every_documented_listing_parameter_is_accepted(client, home):
    spec = client.get("/api/v2/openapi.json").json()
    parameters = spec["paths"]["/api/v2/pages/"]["get"]["parameters"]
    names = {parameter["name"] for parameter in parameters}

    assert set(TAXONOMY_FILTERS) <= names
    for parameter in parameters:
        if "example" in parameter:
            response = client.get("/api/v2/pages/", {parameter["name"]: parameter["example"]})
            assert response.status_code == 200, (parameter["name"], response.content)


def test_practice_schema_lists_the_api_fields_and_no_email(client, home):
    schema = client.get("/api/v2/openapi.json").json()["components"]["schemas"]["PracticePage"]

    assert {"summary", "policy_areas", "labs", "licence", "territory_name"} <= set(schema["properties"])
    assert "contact_email" not in schema["properties"]
    assert schema["properties"]["policy_areas"] == {"type": "array", "items": {"$ref": "#/components/schemas/Term"}}
