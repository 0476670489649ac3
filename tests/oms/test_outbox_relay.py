"""OutboxRelay against the real MongoDB-wire server and Kafka broker."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from oms.v1 import events_pb2, order_pb2

from common.clients.kafka import KafkaConsumer, KafkaProducer, Message
from common.clients.mongo import MongoStore
from common.settings import KafkaSettings
from oms_grpc.outbox.entries import outbox_entry
from oms_grpc.outbox.relay import OutboxRelay


def _created(order_id: str, n: int) -> dict[str, object]:
    event = events_pb2.OrderCreated(
        event_id=f"evt-{order_id}-{n}", tenant_id="t1", order=order_pb2.Order(id=order_id)
    )
    return outbox_entry(
        event_id=event.event_id,
        event_type="order.created",
        topic="TOPIC",
        key=order_id,
        event=event,
        created=datetime.now(UTC),
        trace_id="trace-1",
    )


async def _consume(settings: KafkaSettings, topic: str, count: int) -> list[Message]:
    consumer = await KafkaConsumer.start(settings, [topic], f"{topic}-check")
    taken: list[Message] = []
    try:

        async def collect() -> None:
            async for batch in consumer.batches(timeout_ms=200):
                taken.extend(batch)
                if len(taken) >= count:
                    return

        await asyncio.wait_for(collect(), 30)
    finally:
        await consumer.close()
    return taken


async def test_relay_publishes_pending_events_in_order_and_settles_documents(
    mongo_store: MongoStore, kafka_settings: KafkaSettings
) -> None:
    topic = kafka_settings.topic_order_created
    orders = mongo_store.db["orders"]
    docs = []
    for i in range(5):
        entries = [_created(f"o{i}", 1), _created(f"o{i}", 2)]
        for entry in entries:
            entry["topic"] = topic
        docs.append({"_id": f"o{i}", "outbox": entries, "outbox_pending": True})
    docs.append({"_id": "settled", "outbox": [], "outbox_pending": False})
    await orders.insert_many(docs)

    producer = await KafkaProducer.start(kafka_settings)
    try:
        relay = OutboxRelay(orders, producer, batch_size=3)
        published = 0
        while batch := await relay.relay_once():
            published += batch
        assert published == 10
    finally:
        await producer.close()

    assert await orders.count_documents({"outbox_pending": True}) == 0
    assert await orders.count_documents({"outbox.0": {"$exists": True}}) == 0

    messages = await _consume(kafka_settings, topic, 10)
    by_key: dict[bytes, list[str]] = {}
    for message in messages:
        event = events_pb2.OrderCreated.FromString(message.value)
        assert message.key is not None and event.order.id == message.key.decode()
        assert message.headers["event-type"] == b"order.created"
        assert message.headers["trace-id"] == b"trace-1"
        by_key.setdefault(message.key, []).append(event.event_id)
    assert by_key == {f"o{i}".encode(): [f"evt-o{i}-1", f"evt-o{i}-2"] for i in range(5)}


async def test_events_appended_while_relaying_stay_pending(
    mongo_store: MongoStore, kafka_settings: KafkaSettings
) -> None:
    orders = mongo_store.db["orders"]
    first = _created("o1", 1)
    first["topic"] = kafka_settings.topic_order_created
    await orders.insert_one({"_id": "o1", "outbox": [first], "outbox_pending": True})
    producer = await KafkaProducer.start(kafka_settings)
    try:
        relay = OutboxRelay(orders, producer)
        documents = await relay._claim()
        late = _created("o1", 2)
        late["topic"] = kafka_settings.topic_order_created
        await orders.update_one({"_id": "o1"}, {"$push": {"outbox": late}})
        assert [e["event_id"] for e in documents[0]["outbox"]] == ["evt-o1-1"]
        await relay._acknowledge({"o1": ["evt-o1-1"]})
        stored = await orders.find_one({"_id": "o1"})
        assert stored is not None
        assert [e["event_id"] for e in stored["outbox"]] == ["evt-o1-2"]
        assert stored["outbox_pending"] is True
        assert await relay.relay_once() == 1
    finally:
        await producer.close()
