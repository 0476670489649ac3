"""The delivery log: the dispatcher's queue methods (create, claim, record, renew,
release, manual retry) against the real MongoDB-wire server, and ListWebhookDeliveries /
RetryWebhookDelivery through the real OMS composition root."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import UTC, datetime, timedelta

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from ims.v1 import tenant_pb2, tenant_pb2_grpc
from oms.v1 import webhook_pb2, webhook_pb2_grpc

from common.clients.mongo import MongoStore
from common.grpc.errors import field_violations
from common.ids import new_id
from oms_grpc.core.domain.webhook_deliveries import (
    AttemptRecord,
    Delivery,
    DeliveryState,
    Lease,
    NewDelivery,
    Verdict,
)
from oms_grpc.core.repositories.deliveries import NEVER, DeliveryLogRepository

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


def _attempt(
    number: int, status: int, error: str = "", ms: int = 120, body: str = ""
) -> AttemptRecord:
    return AttemptRecord(
        attempt=number,
        time=T0 + timedelta(minutes=number),
        http_status=status,
        error=error,
        duration=timedelta(milliseconds=ms),
        response_body=body,
    )


def _new(
    tenant_id: str, webhook_id: str, event_id: str, event_type: str = "order.created"
) -> NewDelivery:
    return NewDelivery(
        tenant_id=tenant_id,
        webhook_id=webhook_id,
        event_id=event_id,
        event_type=event_type,
        payload=json.dumps({"eventId": event_id}),
    )


def _lease(seconds: float = 60) -> Lease:
    return Lease(new_id(), datetime.now(UTC) + timedelta(seconds=seconds))


def _now() -> datetime:
    return datetime.now(UTC)


async def _open(logs: DeliveryLogRepository, new: NewDelivery) -> Delivery:
    """Create a delivery and take its lease (what the intake does for its own worker)."""
    [delivery] = await logs.insert_new([(new, _lease())])
    return delivery


async def _claim_next(logs: DeliveryLogRepository, delivery_id: str) -> Delivery:
    """Claim a delivery that is due (a retry whose time has come)."""
    for candidate in await logs.claimable(_now(), limit=100):
        if candidate.id == delivery_id:
            claimed = await logs.claim(candidate, _lease(), _now())
            assert claimed is not None
            return claimed
    raise AssertionError(f"delivery {delivery_id} is not claimable")


RETRY_NOW = T0  # a due time long past: claimable at once


async def _fail_permanently(
    logs: DeliveryLogRepository, tenant_id: str, webhook_id: str, event_id: str
) -> str:
    """What the dispatcher does for an endpoint that times out, then answers 503, then 500."""
    delivery = await _open(logs, _new(tenant_id, webhook_id, event_id))
    steps = [
        (_attempt(1, 0, "timed out after 10s", 10_000), Verdict(DeliveryState.RETRYING, RETRY_NOW)),
        (_attempt(2, 503, "HTTP 503", body="busy"), Verdict(DeliveryState.RETRYING, RETRY_NOW)),
        (
            _attempt(3, 500, "HTTP 500", body="oops"),
            Verdict(DeliveryState.FAILED, failure_reason="gave up after 3 attempts"),
        ),
    ]
    for index, (attempt, verdict) in enumerate(steps):
        if index:
            delivery = await _claim_next(logs, delivery.id)
        assert await logs.record(delivery, attempt, verdict)
    return delivery.id


async def test_one_delivery_per_webhook_and_event(logs: DeliveryLogRepository) -> None:
    first = await logs.insert_new([(_new("t1", "w1", "e1"), None)])
    assert first == []  # stored unleased: nothing handed over
    [stored] = await logs.collection.find({}).to_list()
    assert (stored["state"], stored["attempts"], stored["next_attempt_time"]) == (
        "pending",
        [],
        None,
    )
    # A replayed event creates nothing, leased or not, alone or in a batch.
    assert await logs.insert_new([(_new("t1", "w1", "e1"), _lease())]) == []
    again = await logs.insert_new(
        [(_new("t1", "w1", "e1"), _lease()), (_new("t1", "w2", "e1"), _lease())]
    )
    assert [d.webhook_id for d in again] == ["w2"]
    assert await logs.collection.count_documents({}) == 2
    # Concurrent first sightings of one event (two dispatcher replicas) still make one.
    racing = await asyncio.gather(
        *(logs.insert_new([(_new("t1", "w1", "e2"), _lease())]) for _ in range(8))
    )
    assert sum(len(created) for created in racing) == 1
    assert await logs.collection.count_documents({"event_id": "e2"}) == 1
    indexes = {index["name"] async for index in await logs.collection.list_indexes()}
    assert {"uniq_tenant_webhook_event", "webhook_newest", "claimable"} <= indexes


async def test_a_retry_under_the_same_lease_gets_what_the_failed_try_stored(
    logs: DeliveryLogRepository,
) -> None:
    """The intake's insert failed with an unknown outcome (the store went away mid-call) and
    is tried again under the same lease: what the first try stored after all is handed over
    too, instead of waiting, unattempted, for its lease to run out."""
    lease = _lease()
    [first] = await logs.insert_new([(_new("t1", "w1", "e1"), lease)])
    again = await logs.insert_new(
        [(_new("t1", "w1", "e1"), lease), (_new("t1", "w1", "e2"), lease)]
    )
    assert sorted((d.id == first.id, d.event_id) for d in again) == [(False, "e2"), (True, "e1")]
    # Under another lease (a replayed event in a later batch) it stays the other's.
    assert await logs.insert_new([(_new("t1", "w1", "e1"), _lease())]) == []


async def test_claims_are_exclusive_and_attempts_recorded_in_order(
    logs: DeliveryLogRepository,
) -> None:
    await logs.insert_new([(_new("t1", "w1", "e1"), None)])
    [candidate] = await logs.claimable(_now(), limit=10)
    # Several workers (processes) race for the same delivery: exactly one wins.
    claims = await asyncio.gather(*(logs.claim(candidate, _lease(), _now()) for _ in range(6)))
    [held] = [c for c in claims if c is not None]
    assert (held.attempts_made, held.next_attempt, held.retries_used) == (0, 1, 0)
    assert await logs.claimable(_now(), limit=10) == []  # leased: nobody else may take it

    due = _now() + timedelta(seconds=30)
    assert await logs.record(
        held, _attempt(1, 429, "HTTP 429"), Verdict(DeliveryState.RETRYING, due)
    )
    stored = await logs.collection.find_one({"_id": held.id})
    assert stored is not None
    assert (stored["state"], stored["lease_id"]) == ("retrying", None)
    assert stored["next_attempt_time"] >= due.replace(microsecond=due.microsecond // 1000 * 1000)
    # Not due yet; the old lease can record nothing more; a stale read claims nothing.
    assert await logs.claimable(_now(), limit=10) == []
    assert not await logs.record(held, _attempt(1, 200), Verdict(DeliveryState.SUCCEEDED))
    assert await logs.claim(candidate, _lease(), _now()) is None
    # Once due, the retry is claimable, and the next attempt is number 2.
    [due_now] = await logs.claimable(due + timedelta(seconds=1), limit=10)
    retry = await logs.claim(due_now, _lease(), due + timedelta(seconds=1))
    assert retry is not None and (retry.next_attempt, retry.retries_used) == (2, 1)
    with pytest.raises(ValueError):
        await logs.record(retry, _attempt(3, 200), Verdict(DeliveryState.SUCCEEDED))
    assert await logs.record(retry, _attempt(2, 204), Verdict(DeliveryState.SUCCEEDED))
    done = await logs.collection.find_one({"_id": held.id})
    assert done is not None
    assert (done["state"], done["next_attempt_time"], done["claimable_time"]) == (
        "succeeded",
        None,
        NEVER,
    )
    assert [a["attempt"] for a in done["attempts"]] == [1, 2]
    assert done["attempts"][1]["duration_ms"] == 120.0
    assert await logs.claimable(due + timedelta(days=1), limit=10) == []  # final


async def test_an_expired_lease_is_taken_over_and_a_released_one_at_once(
    logs: DeliveryLogRepository,
) -> None:
    [crashed] = await logs.insert_new([(_new("t1", "w1", "e1"), _lease(seconds=-1))])
    [held] = await logs.insert_new([(_new("t1", "w1", "e2"), _lease())])
    # The first lease ran out (its worker died): another worker takes the delivery over.
    [candidate] = await logs.claimable(_now(), limit=10)
    assert candidate.id == crashed.id
    taken = await logs.claim(candidate, _lease(), _now())
    assert taken is not None
    assert not await logs.record(crashed, _attempt(1, 200), Verdict(DeliveryState.SUCCEEDED))
    # Renewing keeps a lease; releasing hands it back at once (a graceful shutdown).
    renewed = await logs.renew(held, _now() + timedelta(minutes=5))
    assert renewed is not None and renewed.lease.id == held.lease.id
    assert await logs.renew(crashed, _now() + timedelta(minutes=5)) is None  # lost
    await logs.release([renewed])
    [released] = await logs.claimable(_now(), limit=10)
    assert released.id == held.id
    assert not await logs.record(renewed, _attempt(1, 200), Verdict(DeliveryState.SUCCEEDED))


async def test_an_abandoned_delivery_fails_without_an_attempt(logs: DeliveryLogRepository) -> None:
    delivery = await _open(logs, _new("t1", "w1", "e1"))
    assert await logs.abandon(delivery, "webhook inactive")
    stored = await logs.collection.find_one({"_id": delivery.id})
    assert stored is not None
    assert (stored["state"], stored["failure_reason"], stored["attempts"]) == (
        "failed",
        "webhook inactive",
        [],
    )


async def test_verdicts_refuse_inconsistent_states() -> None:
    for state, due in (
        (DeliveryState.PENDING, None),
        (DeliveryState.RETRYING, None),
        (DeliveryState.FAILED, T0),
    ):
        with pytest.raises(ValueError):
            Verdict(state, due)


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
    assert delivery.failure_reason == "gave up after 3 attempts"
    assert [
        (a.attempt, a.attempt_time.ToDatetime(tzinfo=UTC), a.http_status, a.error, a.response_body)
        for a in delivery.attempts
    ] == [
        (1, T0 + timedelta(minutes=1), 0, "timed out after 10s", ""),
        (2, T0 + timedelta(minutes=2), 503, "HTTP 503", "busy"),
        (3, T0 + timedelta(minutes=3), 500, "HTTP 500", "oops"),
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
        event_type = "order.created" if i % 2 == 0 else "order.updated"
        delivery = await _open(logs, _new(tenant, webhook_id, f"evt-{i}", event_type))
        opened.append(delivery.id)
        await asyncio.sleep(0.002)  # distinct creation milliseconds: a strict newest-first order
        if i % 3 == 0:
            await logs.record(delivery, _attempt(1, 200), Verdict(DeliveryState.SUCCEEDED))
    await _open(logs, _new(tenant, other_webhook, "evt-x"))

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
    await _open(logs, _new(tenant, doomed, "evt-2", "order.updated"))
    await _open(logs, _new(tenant, kept, "evt-1"))
    await stub.DeleteWebhook(webhook_pb2.DeleteWebhookRequest(tenant_id=tenant, id=doomed))
    assert await logs.collection.count_documents({"webhook_id": doomed}) == 0
    assert await logs.collection.count_documents({"webhook_id": kept}) == 1


async def test_retry_webhook_delivery_schedules_a_fresh_series(
    stub: webhook_pb2_grpc.WebhookServiceStub,
    ims_channel: grpc.aio.Channel,
    logs: DeliveryLogRepository,
) -> None:
    tenant = await _tenant(ims_channel)
    webhook_id = await _webhook(stub, tenant)
    failed = await _fail_permanently(logs, tenant, webhook_id, "evt-1")
    reply = await stub.RetryWebhookDelivery(
        webhook_pb2.RetryWebhookDeliveryRequest(
            tenant_id=tenant, webhook_id=webhook_id, delivery_id=failed
        )
    )
    delivery = reply.delivery
    assert (delivery.id, delivery.state, delivery.failure_reason) == (failed, PENDING, "")
    assert len(delivery.attempts) == 3  # the history stays
    # Claimable at once; the next attempt is number 4, the first of a new retry series.
    claimed = await _claim_next(logs, failed)
    assert (claimed.next_attempt, claimed.retries_used) == (4, 0)

    # While a worker holds the lease, a manual retry is refused.
    with pytest.raises(grpc.aio.AioRpcError) as error:
        await stub.RetryWebhookDelivery(
            webhook_pb2.RetryWebhookDeliveryRequest(
                tenant_id=tenant, webhook_id=webhook_id, delivery_id=failed
            )
        )
    assert error.value.code() == grpc.StatusCode.FAILED_PRECONDITION


async def test_retry_webhook_delivery_errors(
    stub: webhook_pb2_grpc.WebhookServiceStub,
    ims_channel: grpc.aio.Channel,
    logs: DeliveryLogRepository,
) -> None:
    tenant = await _tenant(ims_channel)
    webhook_id = await _webhook(stub, tenant)
    failed = await _fail_permanently(logs, tenant, webhook_id, "evt-1")
    intruder = await _tenant(ims_channel)

    def retry(**fields: str) -> webhook_pb2.RetryWebhookDeliveryRequest:
        values = {"tenant_id": tenant, "webhook_id": webhook_id, "delivery_id": failed}
        values.update(fields)
        return webhook_pb2.RetryWebhookDeliveryRequest(**values)

    cases = [
        (retry(tenant_id=intruder), grpc.StatusCode.NOT_FOUND, []),
        (retry(delivery_id=str(uuid.uuid4())), grpc.StatusCode.NOT_FOUND, []),
        (
            retry(delivery_id="nope", webhook_id=""),
            grpc.StatusCode.INVALID_ARGUMENT,
            ["webhook_id", "delivery_id"],
        ),
    ]
    for request, code, fields in cases:
        with pytest.raises(grpc.aio.AioRpcError) as error:
            await stub.RetryWebhookDelivery(request)
        assert error.value.code() == code, request
        assert [v.field for v in field_violations(error.value)] == fields

    await stub.UpdateWebhook(
        webhook_pb2.UpdateWebhookRequest(
            webhook=webhook_pb2.Webhook(tenant_id=tenant, id=webhook_id, active=False),
            update_mask=FieldMask(paths=["active"]),
        )
    )
    with pytest.raises(grpc.aio.AioRpcError) as error:
        await stub.RetryWebhookDelivery(retry())
    assert error.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert "inactive" in (error.value.details() or "")
