"""The OpenAPI description is valid, complete and true.

Schemathesis reads the description the site serves, generates requests from
it (valid and invalid parameters, known and unknown ids and slugs) and sends
them to the Django WSGI application: no answer may be a server error, and
every answer must be one the description lists, with the content type and
the shape it gives.
"""

import random

import hypothesis
import pytest
import schemathesis
from drf_spectacular.validation import validate_schema
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from psg.api.filters import EventFilterSet, NewsFilterSet, PublicationFilterSet

pytestmark = pytest.mark.django_db

LISTINGS = {
    "/api/v1/news/": NewsFilterSet,
    "/api/v1/publications/": PublicationFilterSet,
    "/api/v1/events/": EventFilterSet,
}


def test_the_description_is_valid_openapi(client, db):
    schema = client.get("/api/v1/schema/").json()
    validate_schema(schema)  # raises on any departure from OpenAPI 3.0


def test_every_filter_is_described(client, db):
    schema = client.get("/api/v1/schema/").json()
    for path, filterset in LISTINGS.items():
        parameters = schema["paths"][path]["get"]["parameters"]
        names = {parameter["name"] for parameter in parameters}
        assert names == {*filterset.base_filters, "page", "page_size"}, path
        for parameter in parameters:
            assert parameter["in"] == "query" and parameter["description"], parameter
    news = {
        parameter["name"]: parameter
        for parameter in schema["paths"]["/api/v1/news/"]["get"]["parameters"]
    }
    assert news["region"]["schema"]["type"] == "array"
    assert news["kind"]["schema"]["items"]["enum"] == [
        "news",
        "analysis",
        "editorial",
        "letter",
        "correction",
    ]
    assert news["page_size"]["schema"]["maximum"] == 100
    assert news["updated_since"]["schema"]["format"] == "date-time"


# Schemathesis ----------------------------------------------------------------------

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


# The description as the site serves it, read through the WSGI application
# when this module is collected (it reads nothing from the database); each
# generated request then goes through the same application, inside the test's
# database transaction, so it sees the ``content`` fixture's pages.
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())


@pytest.fixture
def wsgi_in_test_transaction():
    """Keep the test's database connection open across WSGI requests.

    Django closes connections it thinks unusable when a request starts and
    ends; inside a test's transaction (not autocommit) that would close the
    test's own PostgreSQL connection. Django's test client does the same.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def known_values(content):
    """Real ids and slugs, so that single items are found as well as missed."""
    return {
        "/api/v1/news/{id}/": [content["letter"].pk, content["undated"].pk],
        "/api/v1/publications/{id}/": [content["report"].pk, content["briefing"].pk],
        "/api/v1/events/{id}/": [content["talk"].pk, content["webinar"].pk],
        "/api/v1/regions/{slug}/": ["puno", "cajamarca"],
        "/api/v1/topics/{slug}/": ["water", "mining"],
        "/api/v1/series/{slug}/": ["letter-from-cajamarca"],
    }


@schema.parametrize()
@hypothesis.settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)
def test_the_api_keeps_to_its_description(case, content, wsgi_in_test_transaction):
    known = known_values(content).get(case.operation.path)
    if known and case.path_parameters:
        # Half the generated ids and slugs are swapped for ones that exist.
        chooser = random.Random(repr(case.path_parameters))  # noqa: S311
        if chooser.random() < 0.5:
            name = next(iter(case.path_parameters))
            case.path_parameters[name] = chooser.choice(known)
    case.call_and_validate(checks=CHECKS)
