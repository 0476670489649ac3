"""Compatibility: every operation of the original system's OpenAPI document, sent as that
document gives it (plus an Authorization header), to the Falcon edge in front of the real
IMS and OMS; every answer's status and body are checked against the same document, and the
suite fails if it leaves an operation out.

The one thing a client of the original must add is the credential. The tenant and its key
are made by the operator beforehand (the original has no tenant API); everything after
that is the original's API with the key."""

from __future__ import annotations

from typing import Any

import aiohttp
import falcon.testing
import grpc
import pytest
import yaml
from iam.v1 import api_key_pb2, api_key_pb2_grpc

from edge_rest.openapi_document import ORIGINAL
from tests.compat.documented import DocumentedApi, concrete
from tests.support.auth import ADMIN_TOKEN

UNKNOWN = "0190a0c0-0000-7000-8000-000000000000"


class OriginalClient:
    """A client of the original API: the document's paths, bodies and query parameters."""

    def __init__(self, edge: falcon.testing.ASGIConductor, api: DocumentedApi, token: str):
        self._edge = edge
        self._api = api
        self.token = token

    async def send(
        self,
        method: str,
        template: str,
        expect: int,
        path: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> Any:
        headers = {"Authorization": f"Bearer {self.token}", **kwargs.pop("headers", {})}
        reply = await self._edge.simulate_request(
            method.upper(), concrete(template, path or {}), headers=headers, **kwargs
        )
        assert reply.status_code == expect, (method, template, reply.status_code, reply.text)
        return self._api.check(method, template, reply.status_code, reply.content)


@pytest.fixture
def original() -> DocumentedApi:
    document = yaml.safe_load(ORIGINAL.read_text())
    return DocumentedApi(document, require_documented_properties=True)


async def test_every_documented_operation_works_as_documented(
    edge: falcon.testing.ASGIConductor, ims_channel: grpc.aio.Channel, original: DocumentedApi
) -> None:
    admin = OriginalClient(edge, original, ADMIN_TOKEN)
    tenant = await admin.send(
        "post", "/tenants", 201, json={"name": "Acme", "metadata": {"tier": "gold"}}
    )
    await admin.send("get", "/tenants/{id}", 200, {"id": tenant["id"]})
    await admin.send("get", "/tenants/{id}", 404, {"id": UNKNOWN})
    key = await api_key_pb2_grpc.ApiKeyServiceStub(ims_channel).CreateApiKey(
        api_key_pb2.CreateApiKeyRequest(
            tenant_id=tenant["id"],
            name="original client",
            scopes=[api_key_pb2.SCOPE_READ, api_key_pb2.SCOPE_WRITE],
        )
    )
    client = OriginalClient(edge, original, key.secret)
    tid = tenant["id"]

    token = await client.send("post", "/auth/token", 200, json={"username": "alice"})
    assert token["token"].startswith("at_")

    seller = await client.send(
        "post", "/sellers", 201, json={"tenant_id": tid, "name": "Shop", "metadata": {"a": 1}}
    )
    await client.send("get", "/sellers/{id}", 200, {"id": seller["id"]})
    await client.send("get", "/sellers/{id}", 404, {"id": UNKNOWN})
    category = await client.send(
        "post", "/categories", 201, json={"tenant_id": tid, "name": "Tea", "description": "Hot"}
    )
    await client.send("get", "/categories/{id}", 200, {"id": category["id"]})
    await client.send("get", "/categories/{id}", 404, {"id": UNKNOWN})

    hub_body = {
        "tenant_id": tid,
        "seller_id": seller["id"],
        "name": "Bengaluru",
        "location": "12.97,77.59",
        "address": "1 MG Road, Bengaluru",
        "contact_email": "hub@example.com",
        "contact_phone": "+91 80 1234 5678",
        "timezone": "Asia/Kolkata",
    }
    hub = await client.send("post", "/hubs", 201, json=hub_body)
    spare = await client.send("post", "/hubs", 201, json={**hub_body, "name": "Spare"})
    listed = await client.send(
        "get", "/hubs", 200, params={"tenant_id": tid, "seller_id": seller["id"]}
    )
    assert {h["id"] for h in listed} == {hub["id"], spare["id"]}
    await client.send("get", "/hubs/{id}", 200, {"id": hub["id"]})
    await client.send("get", "/hubs/{id}", 404, {"id": UNKNOWN})
    await client.send(
        "put", "/hubs/{id}", 200, {"id": hub["id"]}, json={**hub_body, "name": "Bengaluru 1"}
    )
    await client.send("delete", "/hubs/{id}", 204, {"id": spare["id"]})

    sku_body = {
        "tenant_id": tid,
        "seller_id": seller["id"],
        "code": "TEA-1",
        "name": "Assam",
        "description": "Strong",
        "category_id": category["id"],
        "weight": 250,
        "weight_unit": "g",
    }
    sku = await client.send("post", "/skus", 201, json=sku_body)
    other = await client.send("post", "/skus", 201, json={**sku_body, "code": "TEA-2"})
    found = await client.send("get", "/skus", 200, params={"tenant_id": tid, "sku_codes": "TEA-1"})
    assert [s["id"] for s in found] == [sku["id"]]
    await client.send("get", "/skus/{id}", 200, {"id": sku["id"]})
    await client.send("get", "/skus/{id}", 404, {"id": UNKNOWN})
    await client.send("put", "/skus/{id}", 200, {"id": sku["id"]}, json={**sku_body, "name": "X"})
    await client.send("delete", "/skus/{id}", 204, {"id": other["id"]})

    await client.send(
        "put", "/inventory", 200, json={"hub_id": hub["id"], "sku_id": sku["id"], "quantity": 5}
    )
    levels = await client.send(
        "get", "/inventory", 200, params={"hub_id": hub["id"], "sku_ids": sku["id"]}
    )
    assert [level["quantity_on_hand"] for level in levels] == [5]

    order_body = {"seller_id": seller["id"], "hub_id": hub["id"], "sku_id": sku["id"]}
    created = await client.send(
        "post", "/orders", 201, json={"tenant_id": tid, **order_body, "quantity": 2}
    )
    assert created["order_id"]
    orders = await client.send(
        "get",
        "/orders",
        200,
        params={
            "tenant_id": tid,
            "seller_id": seller["id"],
            "status": "on_hold",
            "from": "2020-01-01T00:00:00Z",
            "to": "2100-01-01T00:00:00Z",
        },
    )
    assert [o["id"] for o in orders["orders"]] == [created["order_id"]]

    csv = f"tenant_id,seller_id,hub_id,sku_id,quantity\n{tid},{seller['id']},{hub['id']},"
    csv += f"{sku['id']},1\n"
    boundary = "original-client"
    form = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="o.csv"\r\n'
        f"Content-Type: text/csv\r\n\r\n{csv}\r\n--{boundary}--\r\n"
    )
    uploaded = await client.send(
        "post",
        "/orders/upload",
        202,
        body=form.encode(),
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert uploaded["bucket"] and uploaded["key"]
    await client.send("get", "/orders/errors/{file}", 404, {"file": f"{UNKNOWN}_errors.csv"})
    # /orders/bulk takes an object the tenant put into the bucket (POST /orders/upload-url,
    # ours, is how it gets there: the original does not say).
    slot = (
        await edge.simulate_post(
            "/orders/upload-url",
            json={"filename": "bulk.csv"},
            headers={"Authorization": f"Bearer {client.token}"},
        )
    ).json
    async with (
        aiohttp.ClientSession() as session,
        session.put(slot["url"], data=csv.encode(), headers=slot["headers"]) as put,
    ):
        assert put.status == 200
    await client.send(
        "post", "/orders/bulk", 202, json={"bucket": slot["bucket"], "key": slot["key"]}
    )

    webhook_body = {
        "tenant_id": tid,
        "callback_url": "https://93.184.215.14/hooks",
        "events": ["order.created", "order.updated"],
        "is_active": True,
    }
    webhook = await client.send("post", "/webhooks", 201, json=webhook_body)
    assert [w["id"] for w in await client.send("get", "/webhooks", 200)] == [webhook["id"]]
    await client.send("get", "/webhooks/{id}", 200, {"id": webhook["id"]})
    await client.send("get", "/webhooks/{id}", 404, {"id": UNKNOWN})
    await client.send(
        "put",
        "/webhooks/{id}",
        200,
        {"id": webhook["id"]},
        json={**webhook_body, "events": ["order.updated"]},
    )
    await client.send("delete", "/webhooks/{id}", 204, {"id": webhook["id"]})
    assert await client.send("get", "/webhook-logs", 200) == []

    assert original.exercised == original.operations(), sorted(
        original.operations() - original.exercised
    )
