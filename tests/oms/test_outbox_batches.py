"""Outbox batches (bulk inserts announced by one batch document) against the real
MongoDB-wire server and Kafka broker: published once, acknowledged with one write, and
recovered after the writer died — also when its insert lands late."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from oms.v1 import events_pb2, order_pb2
from pymongo.asynchronous.collection import AsyncCollection

from common.clients.kafka import KafkaProducer
from common.clients.mongo import MongoStore
from common.settings import KafkaSettings
from oms_grpc.core.outbox.batches import BatchEvent, OutboxBatches
from oms_grpc.core.outbox.entries import outbox_entry, settled_outbox
from oms_grpc.core.outbox.published import PublishedEvents
from oms_grpc.core.outbox.relay import OutboxRelay
from tests.oms.test_orders_helpers import read_events


class WriterDiedError(Exception):
    """Stands for the writer's process ending between its insert and the hand-over."""


def _relay(
    orders: AsyncCollection[dict[str, Any]],
    connect: Callable[[], Awaitable[KafkaProducer]],
    **options: Any,
) -> OutboxRelay:
    database = orders.database
    return OutboxRelay(
        orders,
        connect,
        published=PublishedEvents(database["outbox_published"]),
        batches=OutboxBatches(database["outbox_batches"]),
        **options,
    )


def _event(order_id: str, topic: str) -> BatchEvent:
    event = events_pb2.OrderCreated(
        event_id=f"evt-{order_id}", tenant_id="t1", order=order_pb2.Order(id=order_id)
    )
    entry = outbox_entry(
        event_id=event.event_id,
        event_type="order.created",
        topic=topic,
        key=order_id,
        event=event,
        created=datetime.now(UTC),
        trace_id=None,
    )
    return BatchEvent(order_id, entry)


def _order(order_id: str) -> dict[str, Any]:
    return {"_id": order_id, "tenant_id": "t1", **settled_outbox()}


async def _sleep_past(moment: datetime) -> None:
    await asyncio.sleep(max(0.0, (moment - datetime.now(UTC)).total_seconds()) + 0.05)


async def test_a_batch_publishes_the_stored_documents_events_and_is_deleted(
    mongo_store: MongoStore, kafka_settings: KafkaSettings
) -> None:
    """Only the documents that were stored are announced (b2's insert "failed" as a
    duplicate would); the relay of another process leaves the batch alone; afterwards no
    batch and no pending outbox remain, and no order was written after its insert."""
    orders = mongo_store.db["orders"]
    topic = kafka_settings.topic_order_created
    connect = lambda: KafkaProducer.start(kafka_settings)  # noqa: E731
    writer_relay, other_relay = _relay(orders, connect), _relay(orders, connect)
    documents = [_order(f"b{i}") for i in range(3)]
    try:
        async with writer_relay.batch([_event(d["_id"], topic) for d in documents]) as batch:
            await orders.insert_many(documents[:2])
            batch.stored(["b0", "b1"])
        assert await other_relay.relay_once() == 0, "leased to the writer's relay"
        assert await writer_relay.relay_once() == 2
        assert await mongo_store.db["outbox_batches"].count_documents({}) == 0
        assert await orders.count_documents({"outbox_pending": True}) == 0
        assert [d["_id"] for d in await orders.find({}, {"_id": 1}).to_list()] == ["b0", "b1"]
    finally:
        await writer_relay.close()
        await other_relay.close()
    messages = await read_events(kafka_settings, topic, expected=2)  # and any extra
    assert sorted(m.key for m in messages if m.key) == [b"b0", b"b1"]


async def test_a_dead_writers_batch_is_recovered_and_a_late_insert_still_announced(
    mongo_store: MongoStore, kafka_settings: KafkaSettings
) -> None:
    """The writer stored its batch, inserted two of three documents and died. When the lease
    runs out another relay publishes those two and keeps the batch for the third; the third
    document lands late (the server was still executing the dead writer's insert) and is
    announced by the next look. Each event exactly once."""
    orders = mongo_store.db["orders"]
    topic = kafka_settings.topic_order_created
    connect = lambda: KafkaProducer.start(kafka_settings)  # noqa: E731
    writer_relay = _relay(orders, connect, reserve_lease_s=0.3)
    recovering = _relay(orders, connect, lease_s=0.3, settle_s=3600)
    documents = [_order(f"r{i}") for i in range(3)]
    batches = mongo_store.db["outbox_batches"]
    try:
        with pytest.raises(WriterDiedError):
            async with writer_relay.batch([_event(d["_id"], topic) for d in documents]):
                await orders.insert_many(documents[:2])
                raise WriterDiedError
        assert await writer_relay.relay_once() == 0, "nothing handed over: left to a scan"
        [stored] = await batches.find({}).to_list()
        assert await recovering.relay_once() == 0, "not before its lease has run out"
        await _sleep_past(stored["lease"])

        assert await recovering.relay_once() == 2
        [kept] = await batches.find({}).to_list()
        assert [e["document_id"] for e in kept["events"]] == ["r2"]
        assert await recovering.relay_once() == 0, "leased to the relay that recovers it"

        await orders.insert_one(documents[2])  # the late insert
        await _sleep_past(kept["lease"])
        assert await recovering.relay_once() == 1
        assert await batches.count_documents({}) == 0
    finally:
        await writer_relay.close()
        await recovering.close()
    messages = await read_events(kafka_settings, topic, expected=3)  # and any duplicate
    assert sorted(m.key for m in messages if m.key) == [b"r0", b"r1", b"r2"]


async def test_a_recovered_batch_stops_waiting_for_a_document_after_settle(
    mongo_store: MongoStore, kafka_settings: KafkaSettings
) -> None:
    """A document that is never stored (its insert failed as a duplicate, then the writer
    died) is not announced, and its batch goes once `settle_s` has passed."""
    orders = mongo_store.db["orders"]
    topic = kafka_settings.topic_order_created
    connect = lambda: KafkaProducer.start(kafka_settings)  # noqa: E731
    writer_relay = _relay(orders, connect, reserve_lease_s=0.3)
    recovering = _relay(orders, connect, settle_s=0)
    try:
        with pytest.raises(WriterDiedError):
            async with writer_relay.batch([_event("s0", topic), _event("never", topic)]):
                await orders.insert_one(_order("s0"))
                raise WriterDiedError
        [stored] = await mongo_store.db["outbox_batches"].find({}).to_list()
        await _sleep_past(stored["lease"])
        assert await recovering.relay_once() == 1
        assert await mongo_store.db["outbox_batches"].count_documents({}) == 0
    finally:
        await writer_relay.close()
        await recovering.close()
    messages = await read_events(kafka_settings, topic, expected=1)  # and any extra
    assert [m.key for m in messages] == [b"s0"]


async def test_a_handed_over_batch_another_relay_took_is_not_published_twice(
    mongo_store: MongoStore, kafka_settings: KafkaSettings
) -> None:
    """The writer's relay gets to its batch after the lease ran out and another relay's scan
    took it: it leaves the batch to that relay. A batch nobody took it extends and
    publishes."""
    orders = mongo_store.db["orders"]
    topic = kafka_settings.topic_order_created
    connect = lambda: KafkaProducer.start(kafka_settings)  # noqa: E731
    # A lease shorter than the margin: every hand-over is "late" for this relay.
    writer_relay = _relay(orders, connect, reserve_lease_s=0.3)
    other_relay = _relay(orders, connect)
    try:
        async with writer_relay.batch([_event("t0", topic)]) as batch:
            await orders.insert_one(_order("t0"))
            batch.stored(["t0"])
        await _sleep_past(batch.batch.lease)
        assert await other_relay.relay_once() == 1  # its scan takes the batch
        assert await writer_relay.relay_once() == 0  # and the writer's relay leaves it

        async with writer_relay.batch([_event("k0", topic)]) as batch:
            await orders.insert_one(_order("k0"))
            batch.stored(["k0"])
        assert await writer_relay.relay_once() == 1  # extended, then published
        assert await mongo_store.db["outbox_batches"].count_documents({}) == 0
    finally:
        await writer_relay.close()
        await other_relay.close()
    messages = await read_events(kafka_settings, topic, expected=2)  # and any duplicate
    assert sorted(m.key for m in messages if m.key) == [b"k0", b"t0"]
