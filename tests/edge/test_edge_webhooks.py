"""Webhooks through the Falcon edge, as the original documents them, with a tenant key."""

from __future__ import annotations

import falcon.testing
import grpc

from tests.auth.access_support import tenant_with_keys
from tests.edge.original_api import conforms, original_schema

URL = "https://93.184.215.14/hooks/orders"  # a public address: no DNS needed


async def test_webhook_crud_as_the_original_documents(
    edge: falcon.testing.ASGIConductor, ims_channel: grpc.aio.Channel
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    key = {"Authorization": f"Bearer {acme.read_write}"}
    request = {
        "tenant_id": acme.tenant_id,
        "callback_url": URL,
        "events": ["order.created", "order.updated"],
        "headers": {"X-Api-Key": "erp-123"},
        "is_active": True,
    }
    created = await edge.simulate_post("/webhooks", json=request, headers=key)
    assert created.status_code == 201, created.text
    conforms(created.json, original_schema("Webhook"))
    assert created.json["signing_secret"].startswith("whsec_")
    webhook_id = created.json["id"]
    for field in ("callback_url", "events", "headers", "is_active"):
        assert created.json[field] == request[field], field

    listed = await edge.simulate_get("/webhooks", headers=key)
    assert [w["id"] for w in listed.json] == [webhook_id]
    assert "signing_secret" not in listed.json[0]

    replaced = await edge.simulate_put(
        f"/webhooks/{webhook_id}",
        json={"callback_url": URL + "/v2", "events": ["order.updated"]},
        headers=key,
    )
    assert replaced.status_code == 200, replaced.text
    assert (replaced.json["callback_url"], replaced.json["events"], replaced.json["headers"]) == (
        URL + "/v2",
        ["order.updated"],
        {},
    )
    deleted = await edge.simulate_delete(f"/webhooks/{webhook_id}", headers=key)
    assert deleted.status_code == 204
    got = await edge.simulate_get(f"/webhooks/{webhook_id}", headers=key)
    assert got.status_code == 200 and got.json["is_active"] is False  # deactivated

    for body, field in (
        ({**request, "callback_url": "http://127.0.0.1/hook"}, "callback_url"),
        ({**request, "events": ["order.shipped"]}, "events[0]"),
        ({**request, "is_active": "yes"}, "is_active"),
    ):
        refused = await edge.simulate_post("/webhooks", json=body, headers=key)
        assert refused.status_code == 400, (body, refused.text)
        assert field in [f["field"] for f in refused.json["error"]["fields"]], refused.json
