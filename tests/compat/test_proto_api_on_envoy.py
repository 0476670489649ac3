"""Compatibility, proto-native: the same journey through Envoy in canonical proto3 JSON,
every operation of the document generated from the protos (envoy/openapi.yaml), each answer
checked against it; the suite fails if it leaves an operation out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import aiohttp
import pytest
import yaml

from tests.compat.documented import DocumentedApi, concrete
from tests.support.auth import ADMIN_TOKEN

ROOT = Path(__file__).resolve().parents[2]
UNKNOWN = "0190a0c0-0000-7000-8000-000000000000"


class ProtoClient:
    def __init__(self, session: aiohttp.ClientSession, base: str, api: DocumentedApi) -> None:
        self._session = session
        self._base = base
        self._api = api

    async def send(
        self,
        token: str,
        method: str,
        template: str,
        expect: int = 200,
        path: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> Any:
        headers = {"Authorization": f"Bearer {token}", **kwargs.pop("headers", {})}
        url = self._base + concrete(template, path or {})
        async with self._session.request(method.upper(), url, headers=headers, **kwargs) as r:
            body = await r.read()
            assert r.status == expect, (method, template, r.status, body[:400])
            return self._api.check(method, template, r.status, body)


@pytest.fixture
def proto() -> DocumentedApi:
    return DocumentedApi(yaml.safe_load((ROOT / "envoy" / "openapi.yaml").read_text()))


async def test_every_generated_operation_works_through_envoy(
    rest_gateway: str, proto: DocumentedApi
) -> None:
    async with aiohttp.ClientSession() as session:
        api = ProtoClient(session, rest_gateway, proto)
        await _journey(api, session)
    assert proto.exercised == proto.operations(), sorted(proto.operations() - proto.exercised)


async def _journey(api: ProtoClient, session: aiohttp.ClientSession) -> None:
    admin = ADMIN_TOKEN
    tenant = (
        await api.send(admin, "post", "/tenants", json={"name": "Acme", "code": "acme-proto"})
    )["tenant"]
    tid = tenant["id"]
    spare_tenant = (
        await api.send(admin, "post", "/tenants", json={"name": "Spare", "code": "spare-proto"})
    )["tenant"]
    await api.send(admin, "get", "/tenants/{id}", path={"id": tid})
    await api.send(admin, "get", "/tenants/{id}", 404, path={"id": UNKNOWN})
    await api.send(admin, "get", "/tenants", params={"codes": "acme-proto"})
    await api.send(
        admin,
        "put",
        "/tenants/{id}",
        path={"id": tid},
        json={"name": "Acme AG", "code": "acme-proto", "metadata": {"tier": "gold"}},
    )
    created_key = await api.send(
        admin,
        "post",
        "/tenants/{tenant_id}/api-keys",
        path={"tenant_id": tid},
        json={"name": "proto client", "scopes": ["SCOPE_READ", "SCOPE_WRITE"]},
    )
    key = created_key["secret"]
    await api.send(admin, "get", "/tenants/{tenant_id}/api-keys", path={"tenant_id": tid})
    token = await api.send(key, "post", "/auth/token", json={"subject": "bob", "ttl": "300s"})
    assert token["access_token"].startswith("at_")

    seller = (await api.send(key, "post", "/sellers", json={"name": "Shop", "code": "shop"}))[
        "seller"
    ]
    spare_seller = (
        await api.send(key, "post", "/sellers", json={"name": "Spare", "code": "spare"})
    )["seller"]
    await api.send(key, "get", "/sellers/{id}", path={"id": seller["id"]})
    await api.send(key, "get", "/sellers")
    await api.send(
        key,
        "put",
        "/sellers/{id}",
        path={"id": seller["id"]},
        json={"name": "Shop 1", "code": "shop"},
    )
    category = (await api.send(key, "post", "/categories", json={"name": "Tea", "code": "tea"}))[
        "category"
    ]
    spare_category = (
        await api.send(key, "post", "/categories", json={"name": "Old", "code": "old"})
    )["category"]
    await api.send(key, "get", "/categories/{id}", path={"id": category["id"]})
    await api.send(key, "get", "/categories")
    await api.send(
        key,
        "put",
        "/categories/{id}",
        path={"id": category["id"]},
        json={"name": "Teas", "code": "tea", "description": "hot"},
    )
    hub_body = {"seller_id": seller["id"], "name": "Hub", "code": "hub", "timezone": "UTC"}
    hub = (await api.send(key, "post", "/hubs", json=hub_body))["hub"]
    spare_hub = (await api.send(key, "post", "/hubs", json={**hub_body, "code": "hub-2"}))["hub"]
    await api.send(key, "get", "/hubs/{id}", path={"id": hub["id"]})
    await api.send(key, "get", "/hubs", params={"seller_id": seller["id"]})
    await api.send(
        key,
        "put",
        "/hubs/{id}",
        path={"id": hub["id"]},
        json={**hub_body, "name": "Hub 1"},
    )
    sku_body = {"seller_id": seller["id"], "code": "tea-1", "name": "Assam"}
    sku = (await api.send(key, "post", "/skus", json=sku_body))["sku"]
    spare_sku = (await api.send(key, "post", "/skus", json={**sku_body, "code": "tea-2"}))["sku"]
    await api.send(key, "get", "/skus/{id}", path={"id": sku["id"]})
    await api.send(key, "get", "/skus", params={"codes": "tea-1"})
    await api.send(
        key,
        "put",
        "/skus/{id}",
        path={"id": sku["id"]},
        json={**sku_body, "category_id": category["id"], "weight_grams": 250},
    )

    await api.send(
        key,
        "put",
        "/inventory",
        json={"hub_id": hub["id"], "sku_id": sku["id"], "set_quantity_on_hand": 5},
    )
    await api.send(key, "get", "/inventory", params={"hub_id": hub["id"], "sku_ids": sku["id"]})
    await api.send(key, "get", "/inventory/transactions", params={"hub_id": hub["id"]})

    order = (
        await api.send(
            key,
            "post",
            "/orders",
            json={
                "seller_id": seller["id"],
                "hub_id": hub["id"],
                "lines": [{"sku_id": sku["id"], "quantity": 1}],
            },
        )
    )["order"]
    await api.send(key, "get", "/orders/{id}", path={"id": order["id"]})
    await api.send(key, "get", "/orders", params={"status": "ORDER_STATUS_ON_HOLD"})
    await api.send(key, "post", "/orders/{id}:cancel", path={"id": order["id"]}, json={})

    csv = f"tenant_id,seller_id,hub_id,sku_id,quantity\n{tid},{seller['id']},{hub['id']},"
    csv += f"{sku['id']},1\n"
    upload = (
        await api.send(
            key,
            "post",
            "/orders/upload",
            params={"filename": "o.csv"},
            data=csv.encode(),
            headers={"Content-Type": "text/csv"},
        )
    )["upload"]
    await api.send(key, "get", "/orders/uploads/{id}", path={"id": upload["id"]})
    listed = await api.send(key, "get", "/orders/uploads", params={"page_size": "5"})
    assert upload["id"] in [u["id"] for u in listed["uploads"]]
    await api.send(
        key,
        "get",
        "/orders/errors/{file_name}",
        404,
        path={"file_name": f"{UNKNOWN}_errors.csv"},
    )
    slot = await api.send(key, "post", "/orders/upload-urls", json={"filename": "b.csv"})
    async with session.put(slot["url"], data=csv.encode(), headers=slot["headers"]) as put:
        assert put.status == 200
    await api.send(key, "post", "/orders/bulk", json={"bucket": slot["bucket"], "key": slot["key"]})

    webhook_body = {"url": "https://93.184.215.14/hooks", "event_types": ["order.created"]}
    webhook = (await api.send(key, "post", "/webhooks", json=webhook_body))["webhook"]
    await api.send(key, "get", "/webhooks/{id}", path={"id": webhook["id"]})
    await api.send(key, "get", "/webhooks")
    await api.send(
        key,
        "put",
        "/webhooks/{id}",
        path={"id": webhook["id"]},
        json={**webhook_body, "description": "orders", "active": True},
    )
    await api.send(
        key, "get", "/webhooks/{webhook_id}/deliveries", path={"webhook_id": webhook["id"]}
    )
    await api.send(key, "post", "/webhooks/{id}:rotateSecret", path={"id": webhook["id"]}, json={})
    await api.send(
        key,
        "post",
        "/webhooks/{webhook_id}/deliveries/{delivery_id}:retry",
        404,
        path={"webhook_id": webhook["id"], "delivery_id": UNKNOWN},
        json={},
    )
    await api.send(key, "delete", "/webhooks/{id}", path={"id": webhook["id"]})

    letters = await api.send(
        admin, "get", "/admin/dead-letters", params={"source": "DEAD_LETTER_SOURCE_EVENT_TOPIC"}
    )
    assert letters["dead_letters"] == []
    await api.send(
        admin,
        "post",
        "/admin/dead-letters/{id}:redrive",
        404,
        path={"id": "event-0-123456789"},
        json={},
    )

    await api.send(key, "delete", "/skus/{id}", path={"id": spare_sku["id"]})
    await api.send(key, "delete", "/hubs/{id}", path={"id": spare_hub["id"]})
    await api.send(key, "delete", "/categories/{id}", path={"id": spare_category["id"]})
    await api.send(key, "delete", "/sellers/{id}", path={"id": spare_seller["id"]})
    await api.send(
        admin,
        "post",
        "/tenants/{tenant_id}/api-keys/{id}:revoke",
        path={"tenant_id": tid, "id": created_key["api_key"]["id"]},
        json={},
    )
    await api.send(admin, "delete", "/tenants/{id}", path={"id": spare_tenant["id"]})
