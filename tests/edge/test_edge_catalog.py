"""Sellers and categories through the Falcon edge, as the original documents them, with a
tenant API key (the one change an existing client makes) and as the admin."""

from __future__ import annotations

import falcon.testing
import grpc

from tests.auth.access_support import tenant_with_keys
from tests.edge.original_api import ADMIN, conforms, original_schema


async def test_sellers_as_the_original_documents(
    edge: falcon.testing.ASGIConductor,
    ims_channel: grpc.aio.Channel,
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    key = {"Authorization": f"Bearer {acme.read_write}"}
    created = await edge.simulate_post(
        "/sellers", json={"tenant_id": acme.tenant_id, "name": "Acme Store"}, headers=key
    )
    assert created.status_code == 201, created.text
    conforms(created.json, original_schema("Seller"))
    assert created.json["tenant_id"] == acme.tenant_id
    # The documented read has no tenant: the key's.
    got = await edge.simulate_get(f"/sellers/{created.json['id']}", headers=key)
    assert got.status_code == 200 and got.json == created.json
    # The admin names the tenant; another tenant's key finds nothing.
    as_admin = await edge.simulate_get(
        f"/sellers/{created.json['id']}", params={"tenant_id": acme.tenant_id}, headers=ADMIN
    )
    assert as_admin.json == created.json
    globex = await tenant_with_keys(ims_channel, "globex")
    other = await edge.simulate_get(
        f"/sellers/{created.json['id']}", headers={"Authorization": f"Bearer {globex.read_only}"}
    )
    assert other.status_code == 404
    # A read-only key cannot create; metadata is kept as sent, and must be an object.
    read_only = await edge.simulate_post(
        "/sellers",
        json={"name": "X"},
        headers={"Authorization": f"Bearer {acme.read_only}"},
    )
    assert read_only.status_code == 403
    metadata = {"gst": "29ABCDE1234F1Z5", "tiers": [1, 2], "nested": {"ok": True}}
    kept = await edge.simulate_post(
        "/sellers", json={"name": "X", "metadata": metadata}, headers=key
    )
    assert kept.status_code == 201, kept.text
    assert kept.json["metadata"] == metadata
    again = await edge.simulate_get(f"/sellers/{kept.json['id']}", headers=key)
    assert again.json["metadata"] == metadata
    refused = await edge.simulate_post("/sellers", json={"name": "X", "metadata": [1]}, headers=key)
    assert refused.status_code == 400
    assert refused.json["error"]["fields"][0]["field"] == "metadata"


async def test_categories_as_the_original_documents(
    edge: falcon.testing.ASGIConductor,
    ims_channel: grpc.aio.Channel,
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    key = {"Authorization": f"Bearer {acme.read_write}"}
    created = await edge.simulate_post(
        "/categories", json={"tenant_id": acme.tenant_id, "name": "Shirts"}, headers=key
    )
    assert created.status_code == 201, created.text
    conforms(created.json, original_schema("Category"))
    child = await edge.simulate_post(
        "/categories", json={"name": "T-shirts", "parent_id": created.json["id"]}, headers=key
    )
    assert child.status_code == 201 and child.json["parent_id"] == created.json["id"]
    got = await edge.simulate_get(f"/categories/{child.json['id']}", headers=key)
    assert got.json == child.json
    bad_parent = await edge.simulate_post(
        "/categories", json={"name": "Orphans", "parent_id": "nope"}, headers=key
    )
    assert bad_parent.status_code == 400
    assert [f["field"] for f in bad_parent.json["error"]["fields"]] == ["parent_id"]
    described = await edge.simulate_post(
        "/categories", json={"name": "X", "description": "Cotton, mostly."}, headers=key
    )
    assert described.status_code == 201
    assert described.json["description"] == "Cotton, mostly."
