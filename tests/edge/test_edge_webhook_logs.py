"""GET /webhook-logs: a tenant's deliveries given up on, with what was sent."""

from __future__ import annotations

import json
from datetime import timedelta

import falcon.testing
import grpc

from common.clients.mongo import MongoStore
from common.timestamps import utc_now_ms
from oms_grpc.core.domain.webhook_deliveries import Lease, NewDelivery
from oms_grpc.core.repositories.deliveries import DeliveryLogRepository
from tests.auth.access_support import tenant_with_keys
from tests.edge.original_api import conforms, original_schema

URL = "https://93.184.215.14/hooks/orders"


async def test_failed_deliveries_are_listed_with_their_payload(
    edge: falcon.testing.ASGIConductor, ims_channel: grpc.aio.Channel, mongo_store: MongoStore
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    key = {"Authorization": f"Bearer {acme.read_write}"}
    assert (await edge.simulate_get("/webhook-logs", headers=key)).json == []
    webhook = (
        await edge.simulate_post(
            "/webhooks", json={"callback_url": URL, "events": ["order.created"]}, headers=key
        )
    ).json
    # What the dispatcher does with a delivery whose webhook went inactive meanwhile.
    deliveries = DeliveryLogRepository(mongo_store.db["webhook_logs"])
    body = json.dumps({"eventId": "evt-1", "order": {"id": "o-1"}})
    [held] = await deliveries.insert_new(
        [
            (
                NewDelivery(acme.tenant_id, webhook["id"], "evt-1", "order.created", body),
                Lease("lease-1", utc_now_ms() + timedelta(seconds=30)),
            )
        ]
    )
    assert await deliveries.abandon(held, "the webhook is inactive")

    [log] = (await edge.simulate_get("/webhook-logs", headers=key)).json
    conforms(log, original_schema("WebhookLog"))
    assert (log["webhook_id"], log["event"], log["event_id"]) == (
        webhook["id"],
        "order.created",
        "evt-1",
    )
    assert log["payload"] == json.loads(body)
    assert log["failure_reason"] == "the webhook is inactive"
    globex = await tenant_with_keys(ims_channel, "globex")
    others = await edge.simulate_get(
        "/webhook-logs", headers={"Authorization": f"Bearer {globex.read_only}"}
    )
    assert others.json == []
