"""The Falcon edge speaks the original system's tenant endpoints (its OpenAPI document, plus
an Authorization header), translated into RPCs to the real IMS."""

from __future__ import annotations

import falcon.testing

from tests.edge.original_api import ADMIN, conforms, original_schema


async def test_create_and_get_a_tenant_as_the_original_documents(
    edge: falcon.testing.ASGIConductor,
) -> None:
    created = await edge.simulate_post("/tenants", json={"name": "Acme GmbH"}, headers=ADMIN)
    assert created.status_code == 201, created.text
    conforms(created.json, original_schema("Tenant"))
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
    assert empty.json["error"]["message"] == "name: ist erforderlich"  # its names, not ours

    for body, field in (
        ({"name": "A", "colour": "red"}, "colour"),  # unknown: refused, not dropped
        ({"name": "A", "metadata": "gold"}, "metadata"),  # must be an object
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
