"""POST /auth/token: an API key exchanged for a short-lived token, which both services take."""

from __future__ import annotations

from datetime import UTC, datetime

import falcon.testing
import grpc
from iam.v1 import api_key_pb2, api_key_pb2_grpc

from tests.edge.original_api import ADMIN
from tests.support.ims_catalog import ImsCatalog


async def test_a_key_becomes_a_token_that_reads_and_writes_as_the_key(
    edge: falcon.testing.ASGIConductor, ims_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    key = await api_key_pb2_grpc.ApiKeyServiceStub(ims_channel).CreateApiKey(
        api_key_pb2.CreateApiKeyRequest(
            tenant_id=catalog.tenant_id,
            name="shop frontend",
            scopes=[api_key_pb2.SCOPE_READ, api_key_pb2.SCOPE_WRITE],
        )
    )
    issued = await edge.simulate_post(
        "/auth/token",
        json={"username": "alice", "expires_in": 300},
        headers={"Authorization": f"Bearer {key.secret}"},
    )
    assert issued.status_code == 200, issued.text
    assert issued.json["token"].startswith("at_") and issued.json["token_type"] == "Bearer"
    assert 0 < issued.json["expires_in"] <= 300
    expires_at = datetime.fromisoformat(issued.json["expires_at"].replace("Z", "+00:00"))
    assert expires_at > datetime.now(UTC)
    assert issued.json["actor"] == f"key:{key.api_key.id}/alice"
    token = {"Authorization": f"Bearer {issued.json['token']}"}

    seller = await edge.simulate_get(f"/sellers/{catalog.seller_id}", headers=token)  # IMS
    assert seller.status_code == 200, seller.text
    order = await edge.simulate_post(  # OMS
        "/orders",
        json={
            "seller_id": catalog.seller_id,
            "hub_id": catalog.hub_id,
            "sku_id": catalog.sku_id(0),
            "quantity": 1,
        },
        headers=token,
    )
    assert order.status_code == 201, order.text
    assert order.json["order"]["seller_id"] == catalog.seller_id

    renewed = await edge.simulate_post("/auth/token", headers=token)
    assert renewed.status_code == 403
    assert renewed.json["error"]["reason"] == "TOKEN_FROM_TOKEN"


async def test_only_a_key_is_exchanged_and_bad_fields_are_named(
    edge: falcon.testing.ASGIConductor, ims_channel: grpc.aio.Channel
) -> None:
    as_admin = await edge.simulate_post("/auth/token", json={"username": "ops"}, headers=ADMIN)
    assert as_admin.status_code == 403
    assert as_admin.json["error"]["reason"] == "TENANT_KEY_ONLY"
    anonymous = await edge.simulate_post("/auth/token", json={"username": "x"})
    assert anonymous.status_code == 401

    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    key = await api_key_pb2_grpc.ApiKeyServiceStub(ims_channel).CreateApiKey(
        api_key_pb2.CreateApiKeyRequest(
            tenant_id=catalog.tenant_id, name="ci", scopes=[api_key_pb2.SCOPE_READ]
        )
    )
    headers = {"Authorization": f"Bearer {key.secret}"}
    for body, field in (
        ({"username": "has spaces"}, "username"),
        ({"expires_in": 86_400}, "expires_in"),
        ({"expires_in": "soon"}, "expires_in"),
        ({"password": "hunter2"}, "password"),
    ):
        refused = await edge.simulate_post("/auth/token", json=body, headers=headers)
        assert refused.status_code == 400, (body, refused.text)
        assert [f["field"] for f in refused.json["error"]["fields"]] == [field]
