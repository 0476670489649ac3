"""/openapi.json says exactly what the edge serves: a valid OpenAPI 3.0 document whose every
operation is routed (and nothing routed is missing from it), based on the original's."""

from __future__ import annotations

import re

import falcon.testing
import yaml
from openapi_spec_validator import validate

from edge_rest.app import METHODS, api_routes
from edge_rest.channels import ServiceChannels
from edge_rest.openapi_document import NOT_SERVED
from edge_rest.settings import EdgeSettings
from tests.edge.original_api import ORIGINAL

PARAMETER = re.compile(r"\{[^}]+\}")
# Served, but not part of the API the document describes.
OPERATIONAL = {
    "/healthz",
    "/openapi.json",
    "/docs",
    "/docs/proto",
    "/docs/proto/openapi.yaml",
    "/docs/assets/{name}",
}


async def test_the_document_is_valid_and_open(edge: falcon.testing.ASGIConductor) -> None:
    reply = await edge.simulate_get("/openapi.json")  # no credential needed
    assert reply.status_code == 200
    validate(reply.json)
    assert reply.json["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"


async def test_every_documented_operation_is_served(edge: falcon.testing.ASGIConductor) -> None:
    document = (await edge.simulate_get("/openapi.json")).json
    for path, operations in document["paths"].items():
        concrete = PARAMETER.sub("0190a0c0-0000-7000-8000-000000000000", path)
        for method in operations:
            reply = await edge.simulate_request(method.upper(), concrete)
            # Routed: the edge refused the empty body itself (400) or asked a service, which
            # wanted a credential (401); an unrouted one would be 404 / 405. An operation
            # documented as always refused (deprecated, 405 only) answers its 405.
            operation = operations[method]
            refused = operation.get("deprecated") and "405" in operation["responses"]
            expected = (405,) if refused else (400, 401)
            assert reply.status_code in expected, (method, path, reply.status_code, reply.text)


def _shape(path: str) -> str:
    return PARAMETER.sub("{}", path)


async def test_the_document_and_the_routes_are_the_same_set(
    edge: falcon.testing.ASGIConductor,
) -> None:
    document = (await edge.simulate_get("/openapi.json")).json
    documented = {
        (_shape(path), method)
        for path, operations in document["paths"].items()
        for method in operations
    }
    routes = api_routes(ServiceChannels({}), EdgeSettings())
    served = {
        (_shape(template), method)
        for template, resource in routes
        for method in METHODS
        if hasattr(resource, f"on_{method}")
    }
    assert documented == served
    assert OPERATIONAL.isdisjoint(document["paths"])


async def test_the_original_operations_are_all_there_but_the_ones_not_served_yet(
    edge: falcon.testing.ASGIConductor,
) -> None:
    original = yaml.safe_load(ORIGINAL.read_text())
    document = (await edge.simulate_get("/openapi.json")).json
    for path, operations in original["paths"].items():
        for method in operations:
            if (path, method) in NOT_SERVED:
                assert method not in document["paths"].get(path, {})
            else:
                assert method in document["paths"][path], (method, path)
