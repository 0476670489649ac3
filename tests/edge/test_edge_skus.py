"""SKUs through the Falcon edge, as the original documents them, with a tenant API key."""

from __future__ import annotations

import falcon.testing
import grpc

from tests.auth.access_support import tenant_with_keys
from tests.edge.original_api import conforms, original_schema


async def test_sku_crud_listing_by_codes_and_units(
    edge: falcon.testing.ASGIConductor, ims_channel: grpc.aio.Channel
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    key = {"Authorization": f"Bearer {acme.read_write}"}
    seller = (await edge.simulate_post("/sellers", json={"name": "Shop"}, headers=key)).json
    made = []
    for code in ("TSHIRT-M", "TSHIRT-L", "MUG"):
        reply = await edge.simulate_post(
            "/skus",
            json={
                "tenant_id": acme.tenant_id,
                "seller_id": seller["id"],
                "code": code,
                "name": f"Item {code}",
                "weight": 0.25,
                "weight_unit": "kg",
                "length": 30,
                "width": 20.5,
                "height": 2,
                "dimension_unit": "cm",
            },
            headers=key,
        )
        assert reply.status_code == 201, reply.text
        made.append(reply.json)
    conforms(made[0], original_schema("SKU"))
    assert (made[0]["weight"], made[0]["weight_unit"]) == (250, "g")
    assert (made[0]["length"], made[0]["width"], made[0]["height"]) == (300, 205, 20)

    listed = await edge.simulate_get(
        "/skus", params={"sku_codes": "TSHIRT-M,MUG"}, headers=key
    )  # the original's comma list
    assert listed.status_code == 200
    assert sorted(s["code"] for s in listed.json) == ["MUG", "TSHIRT-M"]

    sku = made[2]
    replaced = await edge.simulate_put(
        f"/skus/{sku['id']}",
        json={"seller_id": seller["id"], "code": "MUG-XL", "name": "Big mug"},
        headers=key,
    )
    assert replaced.status_code == 200, replaced.text
    assert (replaced.json["code"], replaced.json["weight"], replaced.json["length"]) == (
        "MUG-XL",
        0,
        0,
    )  # PUT replaces
    got = await edge.simulate_get(f"/skus/{sku['id']}", headers=key)
    assert got.json == replaced.json
    assert (await edge.simulate_delete(f"/skus/{sku['id']}", headers=key)).status_code == 204
    assert (await edge.simulate_get(f"/skus/{sku['id']}", headers=key)).status_code == 404


async def test_measures_without_their_units_are_refused_not_guessed(
    edge: falcon.testing.ASGIConductor, ims_channel: grpc.aio.Channel
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    key = {"Authorization": f"Bearer {acme.read_write}"}
    seller = (await edge.simulate_post("/sellers", json={"name": "Shop"}, headers=key)).json
    base = {"seller_id": seller["id"], "code": "X", "name": "X"}
    for extra, field in (
        ({"weight": 1}, "weight_unit"),
        ({"weight": 1, "weight_unit": "stone"}, "weight_unit"),
        ({"weight": -1, "weight_unit": "g"}, "weight"),
        ({"weight": "heavy", "weight_unit": "g"}, "weight"),
        ({"length": 3}, "dimension_unit"),
        ({"description": "\x00"}, "description"),
        ({"code": ""}, "code"),
    ):
        refused = await edge.simulate_post("/skus", json={**base, **extra}, headers=key)
        assert refused.status_code == 400, (extra, refused.text)
        assert [f["field"] for f in refused.json["error"]["fields"]] == [field], refused.json
