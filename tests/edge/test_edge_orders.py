"""Orders through the Falcon edge, as the original documents them, with a tenant API key."""

from __future__ import annotations

import falcon.testing
import grpc

from tests.auth.access_support import tenant_with_keys
from tests.edge.original_api import conforms, original_schema


async def _catalog(edge: falcon.testing.ASGIConductor, key: dict[str, str]) -> tuple[str, str, str]:
    seller = (await edge.simulate_post("/sellers", json={"name": "Shop"}, headers=key)).json
    hub = (
        await edge.simulate_post(
            "/hubs", json={"seller_id": seller["id"], "name": "Berlin"}, headers=key
        )
    ).json
    sku = (
        await edge.simulate_post(
            "/skus", json={"seller_id": seller["id"], "code": "MUG", "name": "Mug"}, headers=key
        )
    ).json
    return seller["id"], hub["id"], sku["id"]


async def test_create_and_list_orders_as_the_original_documents(
    edge: falcon.testing.ASGIConductor, ims_channel: grpc.aio.Channel
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    key = {"Authorization": f"Bearer {acme.read_write}"}
    seller_id, hub_id, sku_id = await _catalog(edge, key)
    request = {
        "tenant_id": acme.tenant_id,
        "seller_id": seller_id,
        "hub_id": hub_id,
        "sku_id": sku_id,
        "quantity": 2,
    }
    created = await edge.simulate_post(
        "/orders", json=request, headers={**key, "Idempotency-Key": "order-1"}
    )
    assert created.status_code == 201, created.text
    order_id = created.json["order_id"]
    again = await edge.simulate_post(
        "/orders", json=request, headers={**key, "Idempotency-Key": "order-1"}
    )
    assert again.json["order_id"] == order_id  # the key is passed on: one order

    listed = await edge.simulate_get(
        "/orders",
        params={"status": "on_hold", "seller_id": seller_id, "from": "2020-01-01T00:00:00Z"},
        headers=key,
    )
    assert listed.status_code == 200, listed.text
    [order] = listed.json["orders"]
    conforms(order, original_schema("Order"))
    assert (order["id"], order["sku_id"], order["quantity"], order["status"]) == (
        order_id,
        sku_id,
        2,
        "on_hold",
    )
    later = await edge.simulate_get("/orders", params={"to": "2020-01-01T00:00:00Z"}, headers=key)
    assert later.json == {"orders": []}

    several = await edge.simulate_post(
        "/orders",
        json={
            "seller_id": seller_id,
            "hub_id": hub_id,
            "lines": [{"sku_code": "MUG", "quantity": 1}, {"sku_id": sku_id, "quantity": 3}],
        },
        headers=key,
    )
    assert several.status_code == 201, several.text
    assert [line["quantity"] for line in several.json["order"]["lines"]] == [4]  # merged


async def test_bad_orders_are_refused_naming_the_original_field(
    edge: falcon.testing.ASGIConductor, ims_channel: grpc.aio.Channel
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    key = {"Authorization": f"Bearer {acme.read_write}"}
    seller_id, hub_id, sku_id = await _catalog(edge, key)
    base = {"seller_id": seller_id, "hub_id": hub_id, "sku_id": sku_id, "quantity": 1}
    for change, field in (
        ({"quantity": 0}, "quantity"),
        ({"quantity": "two"}, "quantity"),
        ({"sku_id": "0190a0c0-0000-7000-8000-000000000000"}, "sku_id"),
        ({"lines": []}, "lines"),
        ({"colour": "red"}, "colour"),
    ):
        refused = await edge.simulate_post("/orders", json={**base, **change}, headers=key)
        assert refused.status_code in (400, 412), (change, refused.text)
        fields = [f["field"] for f in refused.json["error"].get("fields", [])]
        assert field in fields, (change, refused.json)
    for params, field in (({"status": "lost"}, "status"), ({"from": "yesterday"}, "from")):
        refused = await edge.simulate_get("/orders", params=params, headers=key)
        assert refused.status_code == 400
        assert refused.json["error"]["fields"][0]["field"] == field


async def test_read_and_cancel_one_order(
    edge: falcon.testing.ASGIConductor, ims_channel: grpc.aio.Channel
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    key = {"Authorization": f"Bearer {acme.read_write}"}
    seller_id, hub_id, sku_id = await _catalog(edge, key)
    order_id = (
        await edge.simulate_post(
            "/orders",
            json={"seller_id": seller_id, "hub_id": hub_id, "sku_id": sku_id, "quantity": 1},
            headers=key,
        )
    ).json["order_id"]
    got = await edge.simulate_get(f"/orders/{order_id}", headers=key)
    assert got.status_code == 200 and got.json["status"] == "on_hold"
    cancelled = await edge.simulate_post(
        f"/orders/{order_id}/cancel", json={"reason": "changed mind"}, headers=key
    )
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json["status"] == "cancelled"
    again = await edge.simulate_post(f"/orders/{order_id}/cancel", headers=key)
    assert again.status_code == 200 and again.json["status"] == "cancelled"  # idempotent
    globex = await tenant_with_keys(ims_channel, "globex")
    other = await edge.simulate_get(
        f"/orders/{order_id}", headers={"Authorization": f"Bearer {globex.read_only}"}
    )
    assert other.status_code == 404
    # The literal routes still win over /orders/{id}.
    upload = await edge.simulate_get(
        "/orders/uploads/0190a0c0-0000-7000-8000-000000000000", headers=key
    )
    assert upload.status_code == 404 and upload.json["error"]["reason"] == "UPLOAD_NOT_FOUND"
