"""Schemathesis against the OpenAPI schema: generated requests to every read route find no
server error, and every response fits the schema.  Bounded: a few examples per route."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis not installed")
from schemathesis.specs.openapi.checks import (  # noqa: E402
    response_schema_conformance,
    status_code_conformance,
)

EXAMPLES = 12
CHECKS = [
    schemathesis.checks.not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
]


def read_operations(app: FastAPI) -> list[Any]:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    return [operation for operation in operations if operation.method.upper() == "GET"]


def exercise(operation: Any) -> None:
    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
    def run(case: Any) -> None:
        case.validate_response(case.call(), checks=CHECKS)

    run()


def test_every_read_route_is_covered(app: FastAPI) -> None:
    assert len(read_operations(app)) >= 14


def test_api_has_no_server_error(app: FastAPI) -> None:
    failures = []
    for operation in read_operations(app):
        try:
            exercise(operation)
        except Exception as error:  # collect every route's failure, then report them all
            failures.append(f"{operation.method.upper()} {operation.path}: {error}")
    assert not failures, "\n\n".join(failures)
