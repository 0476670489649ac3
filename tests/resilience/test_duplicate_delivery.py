"""Every message delivered twice: once an upload's flow has settled, each of its messages is
sent again — the SQS job, and every order.created, order.updated and inventory.changed
event on Kafka, byte for byte — and the system does nothing a second time: no order, no
reservation, no ledger row, no status change, no webhook delivery."""

from __future__ import annotations

import asyncio
import time

import pytest
from aiokafka import AIOKafkaProducer
from ims.v1 import events_pb2 as ims_events
from oms.v1 import events_pb2

from common.clients.sqs import QueueClient
from oms_grpc.core.domain.bulk_messages import CreateBulkOrder
from tests.resilience.flow import SETTLE_S, Flow, topic_records
from tests.support.run_system import RunningSystem, scrape, value

ROWS = 300


def _handled(system: RunningSystem, variable: str, consumer: str, topic: str) -> float:
    return value(
        scrape(system, variable),
        "consumer_messages_total",
        consumer=consumer,
        topic=topic,
        outcome="handled",
    )


@pytest.mark.watchdog_timeout(900)
async def test_every_message_delivered_twice_has_no_second_effect(
    system: RunningSystem, flow: Flow, report: list[str]
) -> None:
    env = system.env
    bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
    upload_id = await flow.start_upload(ROWS, "twice")
    upload = await flow.until_complete(upload_id)
    orders = await flow.until_finalized(upload_id, ROWS)
    order_ids = {o.id for o in orders}
    await flow.until_webhooks(order_ids)
    histories = {o.id: len(o.status_history) for o in orders}
    accounts = await flow.accounts()
    verified = flow.receiver.received.verified

    baseline = {
        ("FINALIZER_METRICS_PORT", "order-finalizer", env["KAFKA_TOPIC_ORDER_CREATED"]): 0.0,
        ("FINALIZER_METRICS_PORT", "order-restock", env["KAFKA_TOPIC_INVENTORY_CHANGED"]): 0.0,
        ("DISPATCHER_METRICS_PORT", "webhook-dispatcher", env["KAFKA_TOPIC_ORDER_CREATED"]): 0.0,
        ("DISPATCHER_METRICS_PORT", "webhook-dispatcher", env["KAFKA_TOPIC_ORDER_UPDATED"]): 0.0,
    }
    # The processes' counters before the replay (the replayed messages must add to them;
    # read after the replay, they would already count some of them).
    for key in baseline:
        baseline[key] = await asyncio.to_thread(_handled, system, *key)
    # The same messages once more.
    replayed: dict[str, int] = {}
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    try:
        for variable, parse in (
            ("KAFKA_TOPIC_ORDER_CREATED", events_pb2.OrderCreated),
            ("KAFKA_TOPIC_ORDER_UPDATED", events_pb2.OrderUpdated),
            ("KAFKA_TOPIC_INVENTORY_CHANGED", ims_events.InventoryChanged),
        ):
            topic = env[variable]
            mine = [
                r
                for r in await topic_records(bootstrap, topic)
                if _concerns(parse, r.value, order_ids, flow)
            ]
            for record in mine:
                await producer.send(topic, record.value, key=record.key, headers=record.headers)
            replayed[topic] = len(mine)
        await producer.flush()
    finally:
        await producer.stop()
    assert replayed[env["KAFKA_TOPIC_ORDER_CREATED"]] >= ROWS
    assert replayed[env["KAFKA_TOPIC_ORDER_UPDATED"]] >= ROWS

    queue = await QueueClient.open(system.resources.aws)
    try:
        job = CreateBulkOrder(upload_id, upload.tenant_id, upload.object_key, "replayed")
        await queue.send(job.to_json())
        deadline = time.monotonic() + SETTLE_S
        # Until every replayed message has been handled, and the job taken off the queue.
        while True:
            handled = [
                await asyncio.to_thread(_handled, system, *key) - base
                for key, base in baseline.items()
            ]
            done = all(
                count >= replayed[key[2]] for count, key in zip(handled, baseline, strict=True)
            ) and await _queue_empty(queue)
            if done:
                break
            assert time.monotonic() < deadline, (
                "the replayed messages were not all handled: handled/replayed "
                + ", ".join(
                    f"{key[1]} {key[2]}: {count:.0f}/{replayed[key[2]]}"
                    for count, key in zip(handled, baseline, strict=True)
                )
                + f"; upload job still queued: {not await _queue_empty(queue)}"
            )
            await asyncio.sleep(0.5)
    finally:
        await queue.close()
    await asyncio.sleep(2.0)  # a delivery a replay wrongly made would be on its way by now

    again = await flow.upload(upload_id)
    assert (again.rows_read, again.rows_accepted, again.orders_created) == (
        upload.rows_read,
        upload.rows_accepted,
        upload.orders_created,
    )
    now = await flow.orders_of(upload_id)
    assert {o.id for o in now} == order_ids
    assert {o.id: len(o.status_history) for o in now} == histories
    assert await flow.accounts() == accounts
    assert flow.receiver.received.verified == verified
    report.append(
        f"every message twice: {sum(replayed.values())} Kafka events and the SQS job replayed;"
        " no second order, reservation, ledger row, status change or webhook"
    )


def _concerns(parse: type, value_bytes: bytes, order_ids: set[str], flow: Flow) -> bool:
    event = parse()
    event.ParseFromString(value_bytes)
    if hasattr(event, "order"):
        return event.order.id in order_ids
    return bool(event.sku_id == flow.catalogue.sku_id and event.hub_id == flow.catalogue.hub_id)


async def _queue_empty(queue: QueueClient) -> bool:
    return await queue.pending() == 0
