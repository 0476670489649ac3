"""Order events reach exactly the subscribed, active webhooks of their tenant, signed per
Standard Webhooks (checked with the reference library), with the event's canonical JSON.

Real stack: orders are created and cancelled through the OMS gRPC API, its outbox relay
publishes to Kafka, the dispatcher (in-process composition root) consumes and POSTs to a
real aiohttp receiver on 127.0.0.1.
"""

from __future__ import annotations

import grpc
from google.protobuf import json_format
from oms.v1 import events_pb2, order_pb2, webhook_pb2

from common.clients.mongo import MongoStore
from oms_grpc.main import OmsSettingsBundle
from tests.consumers.webhook_dispatcher_support import (
    Received,
    dispatching,
    eventually,
    hook_oms,
    receiver,
    verify,
)
from tests.support.ims_catalog import ImsCatalog


async def test_every_event_reaches_each_subscribed_webhook_signed(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel, mongo_store: MongoStore
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    other = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    tenant = catalog.tenant_id
    async with receiver() as hooks, hook_oms(oms_settings) as oms:
        both = await oms.webhook(tenant, hooks.url("/both"), headers={"X-Api-Key": "k-1"})
        created_only = await oms.webhook(tenant, hooks.url("/created"), ["order.created"])
        updated_only = await oms.webhook(tenant, hooks.url("/updated"), ["order.updated"])
        inactive = await oms.webhook(tenant, hooks.url("/inactive"), active=False)
        foreign = await oms.webhook(other.tenant_id, hooks.url("/other-tenant"))
        secrets = {
            "/both": both.signing_secret,
            "/created": created_only.signing_secret,
            "/updated": updated_only.signing_secret,
            "/other-tenant": foreign.signing_secret,
        }

        async with dispatching(oms.core):
            orders = [await oms.order(catalog) for _ in range(3)]
            cancelled = await oms.orders.CancelOrder(
                order_pb2.CancelOrderRequest(tenant_id=tenant, id=orders[0], reason="test")
            )
            foreign_order = await oms.order(other)
            await eventually(
                lambda: (
                    len(hooks.at("/both")) >= 4
                    and len(hooks.at("/created")) >= 3
                    and len(hooks.at("/updated")) >= 1
                    and len(hooks.at("/other-tenant")) >= 1
                ),
                "every subscribed webhook to receive its events",
            )

            async def all_final() -> bool:
                logs = mongo_store.db["webhook_logs"]
                return await logs.count_documents({"state": {"$ne": "succeeded"}}) == 0

            await eventually(all_final, "every delivery to succeed")

    assert cancelled.order.status == order_pb2.ORDER_STATUS_CANCELLED
    # Exactly the subscriptions: one request per (webhook, event), none elsewhere. (All
    # deliveries of one event are stored by one write, so a request that reached /both
    # proves that no delivery of that event exists for /inactive.)
    assert len(hooks.at("/inactive")) == 0
    assert inactive.webhook.id not in {r.headers.get("X-Webhook") for r in hooks.requests}
    assert (
        await mongo_store.db["webhook_logs"].count_documents({"webhook_id": inactive.webhook.id})
        == 0
    )
    by_path = {
        path: sorted((r.event()["order"]["id"], _type(r)) for r in hooks.at(path))
        for path in secrets
    }
    created = [(order_id, "order.created") for order_id in orders]
    assert by_path == {
        "/both": sorted([*created, (orders[0], "order.updated")]),
        "/created": sorted(created),
        "/updated": [(orders[0], "order.updated")],
        "/other-tenant": [(foreign_order, "order.created")],
    }
    for path, secret in secrets.items():
        for request in hooks.at(path):
            verify(request, secret)  # the reference implementation accepts the signature
            headers = request.headers
            assert headers["Content-Type"] == "application/json"
            assert headers["webhook-id"] == request.event()["eventId"]
            assert headers["webhook-timestamp"].isdigit()  # unix seconds (checked by verify)
            assert headers["webhook-signature"].startswith("v1,")
            assert headers["webhook-event-type"] == _type(request)
    assert all(r.headers["X-Api-Key"] == "k-1" for r in hooks.at("/both"))
    assert all("X-Api-Key" not in r.headers for r in hooks.at("/created"))
    # Each webhook got each event once; a different webhook-id per event.
    ids = [r.webhook_id for r in hooks.at("/both")]
    assert len(ids) == len(set(ids)) == 4

    # The body is the event's canonical proto3 JSON.
    [update] = hooks.at("/updated")
    event = json_format.Parse(update.body, events_pb2.OrderUpdated())
    assert event.order.id == orders[0] and event.tenant_id == tenant
    assert event.previous_status == order_pb2.ORDER_STATUS_ON_HOLD
    assert update.event() == json_format.MessageToDict(event)

    # The delivery log shows each delivery with its single, successful attempt.
    deliveries = await _deliveries_after(oms_settings, tenant, both.webhook.id)
    assert len(deliveries) == 4
    for delivery in deliveries:
        assert delivery.state == webhook_pb2.WEBHOOK_DELIVERY_STATE_SUCCEEDED
        [attempt] = delivery.attempts
        assert (attempt.attempt, attempt.http_status, attempt.error) == (1, 200, "")
        assert attempt.response_body == "ok"
    assert {d.event_id for d in deliveries} == set(ids)


def _type(request: Received) -> str:
    return "order.updated" if "previousStatus" in request.event() else "order.created"


async def _deliveries_after(
    oms_settings: OmsSettingsBundle, tenant: str, webhook_id: str
) -> list[webhook_pb2.WebhookDelivery]:
    async with hook_oms(oms_settings) as oms:
        return await oms.deliveries(tenant, webhook_id)
