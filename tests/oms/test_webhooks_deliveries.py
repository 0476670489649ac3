"""The delivery log: the dispatcher's write methods against the real MongoDB-wire server,
and ListWebhookDeliveries through the real OMS composition root."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import grpc
import pytest
from ims.v1 import tenant_pb2, tenant_pb2_grpc
from oms.v1 import webhook_pb2, webhook_pb2_grpc

from common.clients.mongo import MongoStore
from common.grpc.errors import field_violations
from oms_grpc.core.domain.webhook_rules import DeliveryState
from oms_grpc.core.repositories.webhooks import AttemptRecord, DeliveryLogRepository

FAILED, SUCCEEDED, RETRYING, PENDING = (
    webhook_pb2.WEBHOOK_DELIVERY_STATE_FAILED,
    webhook_pb2.WEBHOOK_DELIVERY_STATE_SUCCEEDED,
    webhook_pb2.WEBHOOK_DELIVERY_STATE_RETRYING,
    webhook_pb2.WEBHOOK_DELIVERY_STATE_PENDING,
)
T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def stub(oms_channel: grpc.aio.Channel) -> webhook_pb2_grpc.WebhookServiceStub:
    return webhook_pb2_grpc.WebhookServiceStub(oms_channel)


@pytest.fixture
def logs(mongo_store: MongoStore) -> DeliveryLogRepository:
    return DeliveryLogRepository(mongo_store.db["webhook_logs"])


async def _tenant(ims_channel: grpc.aio.Channel) -> str:
    code = f"t-{uuid.uuid4().hex[:12]}"
    reply = await tenant_pb2_grpc.TenantServiceStub(ims_channel).CreateTenant(
        tenant_pb2.CreateTenantRequest(tenant=tenant_pb2.Tenant(name=code, code=code))
    )
    return str(reply.tenant.id)


async def _webhook(stub: webhook_pb2_grpc.WebhookServiceStub, tenant_id: str) -> str:
    reply = await stub.CreateWebhook(
        webhook_pb2.CreateWebhookRequest(
            webhook=webhook_pb2.Webhook(
                tenant_id=tenant_id,
                url="https://93.184.215.14/hook",
                event_types=["order.created", "order.updated"],
                active=True,
            )
        )
    )
    return str(reply.webhook.id)


def _attempt(number: int, status: int, error: str = "", ms: int = 120) -> AttemptRecord:
    return AttemptRecord(
        attempt=number,
        time=T0 + timedelta(minutes=number),
        http_status=status,
        error=error,
        duration=timedelta(milliseconds=ms),
    )


async def _fail_permanently(
    logs: DeliveryLogRepository, tenant_id: str, webhook_id: str, event_id: str
) -> str:
    """What the dispatcher does for an endpoint that times out, then answers 503, then 500."""
    delivery = await logs.open_delivery(
        tenant_id=tenant_id, webhook_id=webhook_id, event_id=event_id, event_type="order.created"
    )
    retry_at = T0 + timedelta(minutes=5)
    steps = [
        (_attempt(1, 0, "timed out after 10s", 10_000), DeliveryState.RETRYING, retry_at),
        (_attempt(2, 503, "HTTP 503"), DeliveryState.RETRYING, retry_at),
        (_attempt(3, 500, "HTTP 500"), DeliveryState.FAILED, None),
    ]
    for attempt, state, due in steps:
        recorded = await logs.record_attempt(
            tenant_id=tenant_id,
            delivery_id=delivery["_id"],
            attempt=attempt,
            state=state,
            next_attempt_time=due,
        )
        assert recorded is not None
    return str(delivery["_id"])


async def test_dispatcher_writes_are_idempotent_and_ordered(logs: DeliveryLogRepository) -> None:
    key = {"tenant_id": "t1", "webhook_id": "w1", "event_id": "e1"}
    first = await logs.open_delivery(**key, event_type="order.created")
    assert (first["state"], first["attempts"], first["next_attempt_time"]) == ("pending", [], None)
    again = await logs.open_delivery(**key, event_type="order.created")  # redelivered event
    assert again["_id"] == first["_id"]
    assert await logs.collection.count_documents({}) == 1
    # Concurrent first sightings of one event (two dispatcher replicas) still make one delivery.
    racing = {**key, "event_id": "e2"}
    ids = await asyncio.gather(
        *(logs.open_delivery(**racing, event_type="order.created") for _ in range(8))
    )
    assert len({delivery["_id"] for delivery in ids}) == 1
    assert await logs.collection.count_documents({"event_id": "e2"}) == 1
    indexes = {index["name"] async for index in await logs.collection.list_indexes()}
    assert {"uniq_tenant_webhook_event", "webhook_newest", "state_due"} <= indexes

    due = T0 + timedelta(seconds=30)
    retrying = await logs.record_attempt(
        tenant_id="t1",
        delivery_id=first["_id"],
        attempt=_attempt(1, 429, "HTTP 429"),
        state=DeliveryState.RETRYING,
        next_attempt_time=due,
    )
    assert retrying is not None
    assert (retrying["state"], retrying["next_attempt_time"]) == ("retrying", due)
    # The same attempt recorded twice, an attempt out of order, or another tenant: no change.
    for tenant, number in (("t1", 1), ("t1", 3), ("t2", 2)):
        assert (
            await logs.record_attempt(
                tenant_id=tenant,
                delivery_id=first["_id"],
                attempt=_attempt(number, 500),
                state=DeliveryState.FAILED,
            )
            is None
        )
    done = await logs.record_attempt(
        tenant_id="t1",
        delivery_id=first["_id"],
        attempt=_attempt(2, 204),
        state=DeliveryState.SUCCEEDED,
    )
    assert done is not None
    assert done["state"] == "succeeded" and done["next_attempt_time"] is None
    assert [a["attempt"] for a in done["attempts"]] == [1, 2]
    assert done["attempts"][1]["duration_ms"] == 120.0
    # A finished delivery takes no more attempts.
    assert (
        await logs.record_attempt(
            tenant_id="t1",
            delivery_id=first["_id"],
            attempt=_attempt(3, 500),
            state=DeliveryState.FAILED,
        )
        is None
    )


async def test_record_attempt_refuses_inconsistent_states(logs: DeliveryLogRepository) -> None:
    delivery = await logs.open_delivery(
        tenant_id="t1", webhook_id="w1", event_id="e1", event_type="order.updated"
    )
    bad = [
        (DeliveryState.PENDING, None),
        (DeliveryState.RETRYING, None),
        (DeliveryState.FAILED, T0),
    ]
    for state, due in bad:
        with pytest.raises(ValueError):
            await logs.record_attempt(
                tenant_id="t1",
                delivery_id=delivery["_id"],
                attempt=_attempt(1, 500),
                state=state,
                next_attempt_time=due,
            )


async def test_deliveries_are_listed_with_every_attempt(
    stub: webhook_pb2_grpc.WebhookServiceStub,
    ims_channel: grpc.aio.Channel,
    logs: DeliveryLogRepository,
) -> None:
    tenant = await _tenant(ims_channel)
    webhook_id = await _webhook(stub, tenant)
    delivery_id = await _fail_permanently(logs, tenant, webhook_id, "evt-1")

    reply = await stub.ListWebhookDeliveries(
        webhook_pb2.ListWebhookDeliveriesRequest(tenant_id=tenant, webhook_id=webhook_id)
    )
    [delivery] = reply.deliveries
    assert reply.next_page_token == ""
    assert (delivery.id, delivery.tenant_id, delivery.webhook_id) == (
        delivery_id,
        tenant,
        webhook_id,
    )
    assert (delivery.event_id, delivery.event_type, delivery.state) == (
        "evt-1",
        "order.created",
        FAILED,
    )
    assert not delivery.HasField("next_attempt_time")
    assert [
        (a.attempt, a.attempt_time.ToDatetime(tzinfo=UTC), a.http_status, a.error)
        for a in delivery.attempts
    ] == [
        (1, T0 + timedelta(minutes=1), 0, "timed out after 10s"),
        (2, T0 + timedelta(minutes=2), 503, "HTTP 503"),
        (3, T0 + timedelta(minutes=3), 500, "HTTP 500"),
    ]
    assert delivery.attempts[0].duration.ToTimedelta() == timedelta(seconds=10)
    assert delivery.create_time.seconds > 0 and delivery.update_time.seconds > 0


async def test_deliveries_page_newest_first_and_filter(
    stub: webhook_pb2_grpc.WebhookServiceStub,
    ims_channel: grpc.aio.Channel,
    logs: DeliveryLogRepository,
) -> None:
    tenant = await _tenant(ims_channel)
    webhook_id = await _webhook(stub, tenant)
    other_webhook = await _webhook(stub, tenant)
    opened: list[str] = []
    for i in range(7):
        delivery = await logs.open_delivery(
            tenant_id=tenant,
            webhook_id=webhook_id,
            event_id=f"evt-{i}",
            event_type="order.created" if i % 2 == 0 else "order.updated",
        )
        opened.append(delivery["_id"])
        await asyncio.sleep(0.002)  # distinct creation milliseconds: a strict newest-first order
        if i % 3 == 0:
            await logs.record_attempt(
                tenant_id=tenant,
                delivery_id=delivery["_id"],
                attempt=_attempt(1, 200),
                state=DeliveryState.SUCCEEDED,
            )
    await logs.open_delivery(
        tenant_id=tenant, webhook_id=other_webhook, event_id="evt-x", event_type="order.created"
    )

    async def collect(**filters: object) -> tuple[list[str], int]:
        seen: list[str] = []
        token, pages = "", 0
        while True:
            reply = await stub.ListWebhookDeliveries(
                webhook_pb2.ListWebhookDeliveriesRequest(
                    tenant_id=tenant,
                    webhook_id=webhook_id,
                    page_size=3,
                    page_token=token,
                    **filters,  # type: ignore[arg-type]
                )
            )
            pages += 1
            seen.extend(d.id for d in reply.deliveries)
            token = reply.next_page_token
            if not token:
                return seen, pages

    newest_first = list(reversed(opened))
    assert await collect() == (newest_first, 3)
    succeeded = [opened[i] for i in (6, 3, 0)]
    assert await collect(state=SUCCEEDED) == (succeeded, 1)
    pending = [d for d in newest_first if d not in succeeded]
    assert await collect(state=PENDING) == (pending, 2)
    assert await collect(state=RETRYING) == ([], 1)
    updated = [opened[i] for i in (5, 3, 1)]
    assert await collect(event_type="order.updated") == (updated, 1)
    assert await collect(event_id="evt-4") == ([opened[4]], 1)

    # A token only continues the query that produced it.
    first = await stub.ListWebhookDeliveries(
        webhook_pb2.ListWebhookDeliveriesRequest(
            tenant_id=tenant, webhook_id=webhook_id, page_size=3
        )
    )
    with pytest.raises(grpc.aio.AioRpcError) as error:
        await stub.ListWebhookDeliveries(
            webhook_pb2.ListWebhookDeliveriesRequest(
                tenant_id=tenant,
                webhook_id=webhook_id,
                page_size=3,
                state=FAILED,
                page_token=first.next_page_token,
            )
        )
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert [v.field for v in field_violations(error.value)] == ["page_token"]


async def test_listing_deliveries_needs_the_tenants_webhook(
    stub: webhook_pb2_grpc.WebhookServiceStub,
    ims_channel: grpc.aio.Channel,
    logs: DeliveryLogRepository,
) -> None:
    tenant = await _tenant(ims_channel)
    webhook_id = await _webhook(stub, tenant)
    await _fail_permanently(logs, tenant, webhook_id, "evt-1")
    intruder = await _tenant(ims_channel)
    cases = [
        (
            webhook_pb2.ListWebhookDeliveriesRequest(tenant_id=intruder, webhook_id=webhook_id),
            grpc.StatusCode.NOT_FOUND,
            [],
        ),
        (
            webhook_pb2.ListWebhookDeliveriesRequest(
                tenant_id=tenant, webhook_id=str(uuid.uuid4())
            ),
            grpc.StatusCode.NOT_FOUND,
            [],
        ),
        (
            webhook_pb2.ListWebhookDeliveriesRequest(tenant_id=tenant),
            grpc.StatusCode.INVALID_ARGUMENT,
            ["webhook_id"],
        ),
        (
            webhook_pb2.ListWebhookDeliveriesRequest(
                tenant_id=tenant, webhook_id=webhook_id, event_type="order.deleted"
            ),
            grpc.StatusCode.INVALID_ARGUMENT,
            ["event_type"],
        ),
        (
            webhook_pb2.ListWebhookDeliveriesRequest(
                tenant_id=tenant, webhook_id=webhook_id, page_token="garbage"
            ),
            grpc.StatusCode.INVALID_ARGUMENT,
            ["page_token"],
        ),
    ]
    for request, code, fields in cases:
        with pytest.raises(grpc.aio.AioRpcError) as error:
            await stub.ListWebhookDeliveries(request)
        assert error.value.code() == code, request
        assert [v.field for v in field_violations(error.value)] == fields


async def test_deleting_a_webhook_drops_its_deliveries(
    stub: webhook_pb2_grpc.WebhookServiceStub,
    ims_channel: grpc.aio.Channel,
    logs: DeliveryLogRepository,
) -> None:
    tenant = await _tenant(ims_channel)
    doomed, kept = await _webhook(stub, tenant), await _webhook(stub, tenant)
    await _fail_permanently(logs, tenant, doomed, "evt-1")
    await logs.open_delivery(
        tenant_id=tenant, webhook_id=doomed, event_id="evt-2", event_type="order.updated"
    )
    await logs.open_delivery(
        tenant_id=tenant, webhook_id=kept, event_id="evt-1", event_type="order.created"
    )
    await stub.DeleteWebhook(webhook_pb2.DeleteWebhookRequest(tenant_id=tenant, id=doomed))
    assert await logs.collection.count_documents({"webhook_id": doomed}) == 0
    assert await logs.collection.count_documents({"webhook_id": kept}) == 1
