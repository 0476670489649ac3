"""Stock through the Falcon edge, as the original documents it, with a tenant API key."""

from __future__ import annotations

import falcon.testing
import grpc

from tests.auth.access_support import tenant_with_keys
from tests.edge.original_api import conforms, original_schema

# Documented by the original, kept by nobody here: answered as 0 ("none set").
NOT_KEPT = {"min_threshold", "max_threshold"}


async def test_set_and_read_stock_as_the_original_documents(
    edge: falcon.testing.ASGIConductor, ims_channel: grpc.aio.Channel
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    key = {"Authorization": f"Bearer {acme.read_write}"}
    seller = (await edge.simulate_post("/sellers", json={"name": "Shop"}, headers=key)).json
    hub = (
        await edge.simulate_post(
            "/hubs", json={"seller_id": seller["id"], "name": "Berlin"}, headers=key
        )
    ).json
    skus = [
        (
            await edge.simulate_post(
                "/skus",
                json={"seller_id": seller["id"], "code": code, "name": code},
                headers=key,
            )
        ).json
        for code in ("A", "B")
    ]
    put = await edge.simulate_put(
        "/inventory",
        json={"hub_id": hub["id"], "sku_id": skus[0]["id"], "quantity": 12},
        headers=key,
    )
    assert put.status_code == 200, put.text
    schema = original_schema("Inventory")
    kept = {
        **schema,
        "properties": {k: v for k, v in schema["properties"].items() if k not in NOT_KEPT},
    }
    conforms(put.json, kept)
    assert put.json["quantity_on_hand"] == 12 and put.json["min_threshold"] == 0

    got = await edge.simulate_get(
        "/inventory",
        params={"hub_id": hub["id"], "sku_ids": f"{skus[0]['id']},{skus[1]['id']}"},
        headers=key,
    )
    assert got.status_code == 200, got.text
    levels = {level["sku_id"]: level["quantity_on_hand"] for level in got.json}
    assert levels == {skus[0]["id"]: 12, skus[1]["id"]: 0}  # never stocked: zero

    negative = await edge.simulate_put(
        "/inventory",
        json={"hub_id": hub["id"], "sku_id": skus[0]["id"], "quantity": -1},
        headers=key,
    )
    assert negative.status_code == 400
    assert [f["field"] for f in negative.json["error"]["fields"]] == ["quantity"]
    missing = await edge.simulate_put(
        "/inventory", json={"hub_id": hub["id"], "sku_id": skus[0]["id"]}, headers=key
    )
    assert missing.status_code == 400


async def test_the_ledger_is_read_but_never_written_on_its_own(
    edge: falcon.testing.ASGIConductor, ims_channel: grpc.aio.Channel
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    key = {"Authorization": f"Bearer {acme.read_write}"}
    seller = (await edge.simulate_post("/sellers", json={"name": "Shop"}, headers=key)).json
    hub = (
        await edge.simulate_post(
            "/hubs", json={"seller_id": seller["id"], "name": "Berlin"}, headers=key
        )
    ).json
    sku = (
        await edge.simulate_post(
            "/skus", json={"seller_id": seller["id"], "code": "A", "name": "A"}, headers=key
        )
    ).json
    for quantity, reference in ((12, "po-1"), (9, "count-2")):
        put = await edge.simulate_put(
            "/inventory",
            json={
                "hub_id": hub["id"],
                "sku_id": sku["id"],
                "quantity": quantity,
                "reason": "stock take",
                "reference": reference,
            },
            headers=key,
        )
        assert put.status_code == 200, put.text
    ledger = await edge.simulate_get(
        "/inventory/transactions", params={"hub_id": hub["id"]}, headers=key
    )
    assert ledger.status_code == 200, ledger.text
    assert [(r["reference"], r["type"], r["delta_on_hand"]) for r in ledger.json] == [
        ("count-2", "set", -3),
        ("po-1", "set", 12),
    ]
    assert ledger.json[0]["actor"].startswith("key:")
    one = await edge.simulate_get(
        "/inventory/transactions", params={"reference": "po-1", "limit": "1"}, headers=key
    )
    assert [r["quantity_on_hand_after"] for r in one.json] == [12]
    bad = await edge.simulate_get(
        "/inventory/transactions", params={"from": "yesterday"}, headers=key
    )
    assert bad.status_code == 400
    assert bad.json["error"]["fields"][0]["field"] == "from"

    written = await edge.simulate_post(
        "/inventory/transactions",
        json={"hub_id": hub["id"], "sku_id": sku["id"], "quantity": 5},
        headers=key,
    )
    assert written.status_code == 405
    assert written.headers["allow"] == "GET"
    assert written.json["error"]["reason"] == "LEDGER_WRITE_REFUSED"
    assert "PUT /inventory" in written.json["error"]["message"]
