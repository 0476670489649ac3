"""Hubs through the Falcon edge, as the original documents them, with a tenant API key."""

from __future__ import annotations

import falcon.testing
import grpc

from tests.auth.access_support import tenant_with_keys
from tests.edge.original_api import conforms, original_schema


async def test_hub_crud_and_listing_as_the_original_documents(
    edge: falcon.testing.ASGIConductor, ims_channel: grpc.aio.Channel
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    key = {"Authorization": f"Bearer {acme.read_write}"}
    seller = await edge.simulate_post("/sellers", json={"name": "Acme Store"}, headers=key)
    seller_id = seller.json["id"]
    request = {
        "tenant_id": acme.tenant_id,
        "seller_id": seller_id,
        "name": "Berlin",
        "location": "52.52,13.405",
        "address": "Alexanderplatz 1, 10178 Berlin",
        "contact_email": "hub@acme.example",
        "contact_phone": "+49301234567",
    }
    created = await edge.simulate_post("/hubs", json=request, headers=key)
    assert created.status_code == 201, created.text
    hub = created.json
    conforms(hub, original_schema("Hub"))
    for field in ("location", "address", "contact_email", "contact_phone", "seller_id"):
        assert hub[field] == request[field], field

    listed = await edge.simulate_get("/hubs", params={"seller_id": seller_id}, headers=key)
    assert listed.status_code == 200 and listed.json == [hub]  # a bare array, as documented

    replaced = await edge.simulate_put(
        f"/hubs/{hub['id']}",
        json={"tenant_id": acme.tenant_id, "seller_id": seller_id, "name": "Berlin Mitte"},
        headers=key,
    )
    assert replaced.status_code == 200, replaced.text
    assert replaced.json["name"] == "Berlin Mitte"
    assert replaced.json["address"] == "" and replaced.json["location"] == ""  # PUT replaces
    assert replaced.json["code"] == hub["code"]  # kept when not sent

    got = await edge.simulate_get(f"/hubs/{hub['id']}", headers=key)
    assert got.json == replaced.json
    deleted = await edge.simulate_delete(f"/hubs/{hub['id']}", headers=key)
    assert deleted.status_code == 204
    gone = await edge.simulate_get(f"/hubs/{hub['id']}", headers=key)
    assert gone.status_code == 404


async def test_hub_fields_we_cannot_take_are_refused_by_name(
    edge: falcon.testing.ASGIConductor, ims_channel: grpc.aio.Channel
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    key = {"Authorization": f"Bearer {acme.read_write}"}
    seller = await edge.simulate_post("/sellers", json={"name": "Acme Store"}, headers=key)
    base = {"seller_id": seller.json["id"], "name": "Berlin"}
    for extra, field in (
        ({"location": "Berlin"}, "location"),
        ({"location": "91,0"}, "location"),
        ({"timezone": "Mars/Olympus_Mons"}, "timezone"),
        ({"contact_email": "not-an-email"}, "contact_email"),
        ({"seller_id": "nope"}, "seller_id"),
    ):
        refused = await edge.simulate_post("/hubs", json={**base, **extra}, headers=key)
        assert refused.status_code == 400, (extra, refused.text)
        assert [f["field"] for f in refused.json["error"]["fields"]] == [field], refused.json


async def test_the_time_zone_is_kept_and_replaced_by_put(
    edge: falcon.testing.ASGIConductor, ims_channel: grpc.aio.Channel
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    key = {"Authorization": f"Bearer {acme.read_write}"}
    seller = await edge.simulate_post("/sellers", json={"name": "Acme Store"}, headers=key)
    body = {"seller_id": seller.json["id"], "name": "Berlin", "timezone": "Europe/Berlin"}
    created = await edge.simulate_post("/hubs", json=body, headers=key)
    assert created.status_code == 201, created.text
    assert created.json["timezone"] == "Europe/Berlin"
    put = await edge.simulate_put(
        f"/hubs/{created.json['id']}", json={**body, "timezone": "Asia/Kolkata"}, headers=key
    )
    assert put.status_code == 200, put.text
    assert put.json["timezone"] == "Asia/Kolkata"
    cleared = await edge.simulate_put(
        f"/hubs/{created.json['id']}",
        json={"seller_id": body["seller_id"], "name": "Berlin"},
        headers=key,
    )
    assert cleared.json["timezone"] == ""  # PUT replaces: left out is cleared
