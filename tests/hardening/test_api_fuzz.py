"""Schemathesis against /api/v2/openapi.json, through the Django WSGI application itself:
every operation gets a bounded number of generated requests (deterministic: derandomized),
on the database of the run (SQLite or PostgreSQL). No answer is a server error, and every
answer matches the description (status code, content type, body schema)."""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from factories import LabPageFactory, PracticePageFactory
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode, checks

from praxis.api import api_router
from taxonomy.models import PolicyArea

EXAMPLES_PER_OPERATION = 25  # per operation and mode (valid, invalid)


@pytest.fixture
def wsgi_application():
    """Django's WSGI application, keeping the test's database connection (and its transaction)
    across requests, as Django's own test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(home, wsgi_application):
    """The description the site serves, with a small catalogue behind it."""
    area = PolicyArea.objects.get(slug="logement")  # a seed term
    lab = LabPageFactory(slug="lab-fuzz", country="FR")
    PracticePageFactory(parent=lab, title="Santé logement", policy_areas=[area], labs=[lab])
    return schemathesis.openapi.from_wsgi("/api/v2/openapi.json", wsgi_application)


# The operations of /api/v2/ (as praxis.openapi describes them for each endpoint).
OPERATIONS = [f"/api/v2/{name}/{suffix}" for name in api_router._endpoints for suffix in ("", "{id}/", "find/")] + [
    "/api/v2/openapi.json"
]


# Schema-valid values can still be refused for what they mean (a page id that does not exist,
# ``fields`` naming no field, a control character): "valid data accepted" is not checked.
DESCRIBED = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]
CHECKS = {
    GenerationMode.POSITIVE: DESCRIBED,
    GenerationMode.NEGATIVE: [*DESCRIBED, checks.negative_data_rejection],  # invalid data is a 4xx
}
CASES = [
    (path, mode) for path in OPERATIONS for mode in CHECKS if path.endswith("/") or mode is GenerationMode.POSITIVE
]


@pytest.mark.parametrize(("path", "mode"), CASES, ids=[f"{mode.value}-{path}" for path, mode in CASES])
def test_the_api_answers_every_generated_request_as_described(api_schema, path, mode):
    operation = api_schema[path]["GET"]

    @given(case=operation.as_strategy(mode))
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def answers_as_described(case):
        case.call_and_validate(checks=CHECKS[mode])

    answers_as_described()
