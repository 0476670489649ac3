"""The Falcon edge speaks the original system's tenant endpoints (its OpenAPI document, plus
an Authorization header), translated into RPCs to the real IMS."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from typing import Any

import falcon.testing
import pytest
import yaml

from common.grpc.server import GrpcServer
from edge_rest.app import create_app
from edge_rest.settings import EdgeSettings
from tests.support.auth import ADMIN_TOKEN

# The original system's OpenAPI document, kept in the repository as the edge's reference.
ORIGINAL = Path(__file__).resolve().parents[2] / "docs" / "original" / "openapi.yaml"
ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


def _original_schema(name: str) -> dict[str, Any]:
    document = yaml.safe_load(ORIGINAL.read_text())
    schema: dict[str, Any] = document["components"]["schemas"][name]
    return schema


def _conforms(body: dict[str, Any], schema: dict[str, Any]) -> None:
    """Every property the original documents is there, with its documented type."""
    kinds = {"string": str, "object": dict, "number": (int, float), "integer": int}
    for field, spec in schema["properties"].items():
        assert field in body, f"{field} missing from {body}"
        assert isinstance(body[field], kinds[spec["type"]]), (field, body[field])
        if spec.get("format") == "date-time":
            datetime.fromisoformat(body[field].replace("Z", "+00:00"))


@pytest.fixture
async def edge(
    ims_server: GrpcServer, oms_server: GrpcServer
) -> AsyncIterator[falcon.testing.ASGIConductor]:
    app = create_app(
        EdgeSettings(
            ims_target=f"127.0.0.1:{ims_server.port}", oms_target=f"127.0.0.1:{oms_server.port}"
        )
    )
    async with falcon.testing.ASGIConductor(app) as conductor:
        yield conductor


async def test_create_and_get_a_tenant_as_the_original_documents(
    edge: falcon.testing.ASGIConductor,
) -> None:
    created = await edge.simulate_post("/tenants", json={"name": "Acme GmbH"}, headers=ADMIN)
    assert created.status_code == 201, created.text
    _conforms(created.json, _original_schema("Tenant"))
    assert created.json["name"] == "Acme GmbH"
    assert created.json["code"].startswith("acme-gmbh-")  # derived: the original has none

    got = await edge.simulate_get(f"/tenants/{created.json['id']}", headers=ADMIN)
    assert got.status_code == 200
    assert got.json == created.json

    missing = await edge.simulate_get(
        "/tenants/0190a0c0-0000-7000-8000-000000000000", headers=ADMIN
    )
    assert missing.status_code == 404
    assert missing.json["error"]["code"] == "NOT_FOUND"


async def test_bad_input_is_a_400_naming_the_field_in_the_callers_language(
    edge: falcon.testing.ASGIConductor,
) -> None:
    empty = await edge.simulate_post(
        "/tenants", json={"name": ""}, headers={**ADMIN, "Accept-Language": "de"}
    )
    assert empty.status_code == 400
    assert empty.json["error"]["fields"] == [{"field": "name", "description": "ist erforderlich"}]

    for body, field in (
        ({"name": "A", "colour": "red"}, "colour"),  # unknown: refused, not dropped
        ({"name": "A", "metadata": {"tier": "gold"}}, "metadata"),  # not stored yet
        ({"name": 7}, "name"),
    ):
        refused = await edge.simulate_post("/tenants", json=body, headers=ADMIN)
        assert refused.status_code == 400, refused.text
        assert [f["field"] for f in refused.json["error"]["fields"]] == [field]
    not_json = await edge.simulate_post("/tenants", body=b"{", headers=ADMIN)
    assert not_json.status_code == 400
    assert not_json.json["error"]["fields"][0]["field"] == "body"


async def test_credentials_are_passed_on_and_refusals_keep_their_meaning(
    edge: falcon.testing.ASGIConductor,
) -> None:
    anonymous = await edge.simulate_post("/tenants", json={"name": "Acme"})
    assert anonymous.status_code == 401
    assert anonymous.json["error"]["code"] == "UNAUTHENTICATED"
    wrong = await edge.simulate_get(
        "/tenants/0190a0c0-0000-7000-8000-000000000000",
        headers={"Authorization": "Bearer tk_0123456789abcdef_" + "A" * 43},
    )
    assert wrong.status_code == 401
