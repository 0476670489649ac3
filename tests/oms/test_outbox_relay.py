"""OutboxRelay against the real MongoDB-wire server and Kafka broker."""

from __future__ import annotations

import asyncio
import socket
from datetime import UTC, datetime
from typing import Any

import pytest
from oms.v1 import events_pb2, order_pb2
from pymongo.asynchronous.collection import AsyncCollection

from common.clients.kafka import KafkaConsumer, KafkaProducer, Message
from common.clients.mongo import MongoStore
from common.settings import KafkaSettings
from common.tasks import cancel_and_wait
from common.timestamps import utc_now_ms
from oms_grpc.core.outbox.batches import OutboxBatches
from oms_grpc.core.outbox.entries import UNLEASED, outbox_entry, pending_outbox
from oms_grpc.core.outbox.published import PublishedEvents
from oms_grpc.core.outbox.relay import OutboxRelay
from oms_grpc.core.repositories.orders import OrderRepository
from tests.oms.test_orders_helpers import read_events
from tests.support.orders import new_order


def _published(orders: AsyncCollection[dict[str, Any]]) -> PublishedEvents:
    """The published-batch records beside the test's orders collection."""
    return PublishedEvents(orders.database["outbox_published"])


def _batches(orders: AsyncCollection[dict[str, Any]]) -> OutboxBatches:
    """The outbox batches beside the test's orders collection."""
    return OutboxBatches(orders.database["outbox_batches"])


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
        docs.append({"_id": f"o{i}", **pending_outbox(entries)})
    docs.append({"_id": "settled", **pending_outbox([]), "outbox_pending": False})
    # Left by a relay that stopped between emptying an outbox and clearing the flag.
    docs.append({"_id": "emptied", **pending_outbox([])})
    await orders.insert_many(docs)

    relay = OutboxRelay(
        orders,
        lambda: KafkaProducer.start(kafka_settings),
        published=_published(orders),
        batches=_batches(orders),
        batch_size=3,
    )
    try:
        published = 0
        while batch := await relay.relay_once():
            published += batch
        assert published == 10
    finally:
        await relay.close()

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
    await orders.insert_one({"_id": "o1", **pending_outbox([first])})
    relay = OutboxRelay(
        orders,
        lambda: KafkaProducer.start(kafka_settings),
        published=_published(orders),
        batches=_batches(orders),
    )
    try:
        _, documents = await relay._claim()
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
        await relay.close()


async def test_events_written_while_kafka_is_unreachable_go_out_when_it_is_back(
    mongo_store: MongoStore, kafka_settings: KafkaSettings
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    unreachable = kafka_settings.model_copy(
        update={"bootstrap_servers": f"127.0.0.1:{closed_port}"}
    )
    current = [unreachable]
    orders = mongo_store.db["orders"]
    entry = _created("o1", 1)
    entry["topic"] = kafka_settings.topic_order_created
    await orders.insert_one({"_id": "o1", **pending_outbox([entry])})

    relay = OutboxRelay(
        orders,
        lambda: KafkaProducer.start(current[0]),
        published=_published(orders),
        batches=_batches(orders),
        idle_poll_s=0.1,
        retry_delay_s=0.2,
    )
    task = asyncio.create_task(relay.run())
    try:
        await asyncio.sleep(1.5)
        assert task.done() is False, "an outage must not stop the relay"
        assert await orders.count_documents({"outbox_pending": True}) == 1

        current[0] = kafka_settings  # the broker is back
        for _ in range(100):
            if await orders.count_documents({"outbox_pending": True}) == 0:
                break
            await asyncio.sleep(0.2)
        assert await orders.count_documents({"outbox_pending": True}) == 0
    finally:
        await cancel_and_wait(task)
        await relay.close()
    [message] = await _consume(kafka_settings, kafka_settings.topic_order_created, 1)
    assert message.key == b"o1"


async def test_reserved_documents_go_out_by_hint_and_other_relays_leave_them(
    mongo_store: MongoStore, kafka_settings: KafkaSettings
) -> None:
    orders = mongo_store.db["orders"]
    connect = lambda: KafkaProducer.start(kafka_settings)  # noqa: E731
    writer_relay = OutboxRelay(
        orders, connect, published=_published(orders), batches=_batches(orders)
    )
    other_relay = OutboxRelay(
        orders, connect, published=_published(orders), batches=_batches(orders)
    )
    documents = []
    for i in range(3):
        entry = _created(f"h{i}", 1)
        entry["topic"] = kafka_settings.topic_order_created
        documents.append({"_id": f"h{i}", **pending_outbox([entry])})
    writer_relay.reserve(documents)
    await orders.insert_many(documents)
    try:
        assert await other_relay.relay_once() == 0, "leased to the writer's relay"
        writer_relay.notify(d["_id"] for d in documents)
        assert await writer_relay.relay_once() == 3
        assert await orders.count_documents({"outbox_pending": True}) == 0
        assert await orders.count_documents({"outbox_owner": {"$exists": True}}) == 0
        assert await orders.count_documents({"outbox_lease": UNLEASED}) == 3
    finally:
        await writer_relay.close()
        await other_relay.close()
    messages = await _consume(kafka_settings, kafka_settings.topic_order_created, 3)
    assert sorted(m.key for m in messages if m.key) == [b"h0", b"h1", b"h2"]


async def test_a_hand_over_whose_lease_ran_out_is_published_once(
    mongo_store: MongoStore, kafka_settings: KafkaSettings
) -> None:
    """A writer's relay that gets to its handed-over documents late (a slow store, a long
    backlog) does not publish from memory what another relay's scan took after the lease
    ran out; what nobody took it claims again and publishes."""
    orders = mongo_store.db["orders"]
    topic = kafka_settings.topic_order_created
    connect = lambda: KafkaProducer.start(kafka_settings)  # noqa: E731
    # A lease shorter than the margin: every hand-over is "late" for this relay.
    writer_relay = OutboxRelay(
        orders, connect, published=_published(orders), batches=_batches(orders), reserve_lease_s=0.3
    )
    other_relay = OutboxRelay(
        orders, connect, published=_published(orders), batches=_batches(orders)
    )
    taken, kept = [], []
    for name, group in (("taken", taken), ("kept", kept)):
        for i in range(3):
            entry = _created(f"{name}{i}", 1)
            entry["topic"] = topic
            group.append({"_id": f"{name}{i}", **pending_outbox([entry])})
    try:
        writer_relay.reserve(taken)
        await orders.insert_many(taken)
        writer_relay.hand_over(taken)
        lease = max(d["outbox_lease"] for d in taken)
        await asyncio.sleep(max(0.0, (lease - datetime.now(UTC)).total_seconds()) + 0.05)
        assert await other_relay.relay_once() == 3  # its scan takes them
        assert await writer_relay.relay_once() == 0  # and the writer's relay leaves them

        writer_relay.reserve(kept)
        await orders.insert_many(kept)
        writer_relay.hand_over(kept)
        assert await writer_relay.relay_once() == 3  # claimed again, then published
        assert await orders.count_documents({"outbox_pending": True}) == 0
    finally:
        await writer_relay.close()
        await other_relay.close()
    messages = await read_events(kafka_settings, topic, expected=6)  # and any duplicate
    assert sorted(m.key for m in messages if m.key) == sorted(
        d["_id"].encode() for d in taken + kept
    )


async def test_a_batch_sent_but_not_acknowledged_is_not_sent_again(
    mongo_store: MongoStore, kafka_settings: KafkaSettings
) -> None:
    """A relay dies between Kafka's acknowledgement and emptying the outboxes (here: its
    record of the batch is written, the documents are left as they were): the relay that
    claims them later acknowledges them without publishing them a second time."""
    orders = mongo_store.db["orders"]
    topic = kafka_settings.topic_order_created
    published = _published(orders)
    documents = []
    for i in range(3):
        entry = _created(f"d{i}", 1)
        entry["topic"] = topic
        documents.append({"_id": f"d{i}", **pending_outbox([entry])})
    await orders.insert_many(documents)
    producer = await KafkaProducer.start(kafka_settings)
    try:  # what the dead relay did: the send, then the record
        for document in documents[:2]:
            [entry] = document["outbox"]
            await producer.send(topic, bytes(entry["payload"]), key=entry["key"].encode())
    finally:
        await producer.close()
    await published.record([d["outbox"][0]["event_id"] for d in documents[:2]])

    relay = OutboxRelay(
        orders,
        lambda: KafkaProducer.start(kafka_settings),
        published=published,
        batches=_batches(orders),
    )
    try:
        assert await relay.relay_once() == 3  # two acknowledged only, one published
        assert await relay.relay_once() == 0
    finally:
        await relay.close()
    assert await orders.count_documents({"outbox_pending": True}) == 0
    messages = await read_events(kafka_settings, topic, expected=3)  # and any duplicate
    assert sorted(m.key for m in messages if m.key) == [b"d0", b"d1", b"d2"]


async def test_an_acknowledgement_never_empties_an_outbox_of_other_events(
    mongo_store: MongoStore, kafka_settings: KafkaSettings
) -> None:
    """A relay acknowledges late (its first try failed with the store): meanwhile its event
    was settled by another relay and a writer appended a new one. The outbox has the size of
    what it published, but not its events: the new event stays pending and goes out."""
    orders = mongo_store.db["orders"]
    topic = kafka_settings.topic_order_created
    created, updated = _created("r1", 1), _created("r1", 2)
    for entry in (created, updated):
        entry["topic"] = topic
    await orders.insert_one({"_id": "r1", **pending_outbox([updated])})
    relay = OutboxRelay(
        orders,
        lambda: KafkaProducer.start(kafka_settings),
        published=_published(orders),
        batches=_batches(orders),
    )
    try:
        await relay._acknowledge({"r1": [created["event_id"]]})  # the late acknowledgement
        stored = await orders.find_one({"_id": "r1"})
        assert stored is not None
        assert [e["event_id"] for e in stored["outbox"]] == [updated["event_id"]]
        assert stored["outbox_pending"] is True
        assert await relay.relay_once() == 1
    finally:
        await relay.close()
    [message] = await read_events(kafka_settings, topic, expected=1)
    assert events_pb2.OrderCreated.FromString(message.value).event_id == updated["event_id"]


async def test_a_relay_runs_one_loop_at_a_time(
    mongo_store: MongoStore, kafka_settings: KafkaSettings
) -> None:
    relay = OutboxRelay(
        mongo_store.db["orders"],
        lambda: KafkaProducer.start(kafka_settings),
        published=_published(mongo_store.db["orders"]),
        batches=_batches(mongo_store.db["orders"]),
    )
    first = asyncio.create_task(relay.run())
    await asyncio.sleep(0.2)
    try:
        with pytest.raises(RuntimeError, match="already running"):
            await relay.run()
        assert not first.done()
    finally:
        await cancel_and_wait(first)
        await relay.close()
    assert first.cancelled()


async def test_changes_handed_over_by_the_repository_go_out_in_order_without_a_scan(
    mongo_store: MongoStore, kafka_settings: KafkaSettings
) -> None:
    orders = OrderRepository(mongo_store.db["orders"])
    await orders.ensure_indexes()
    connect = lambda: KafkaProducer.start(kafka_settings)  # noqa: E731
    writer_relay = OutboxRelay(
        orders.collection,
        connect,
        published=_published(orders.collection),
        batches=_batches(orders.collection),
    )
    other_relay = OutboxRelay(
        orders.collection,
        connect,
        published=_published(orders.collection),
        batches=_batches(orders.collection),
    )
    topic = kafka_settings.topic_order_updated
    created = await orders.insert(new_order(), topic="order.created", trace_id=None)
    await orders.collection.update_one(  # its order.created is out already
        {"_id": created.id}, {"$set": {**pending_outbox([]), "outbox_pending": False}}
    )
    try:
        reserved = await orders.apply(
            created.mark_reserved(utc_now_ms()), topic=topic, trace_id=None, hand_off=writer_relay
        )
        await orders.apply(  # a second change before the relay ran: both go, in order
            reserved.cancel("changed mind", utc_now_ms()),
            topic=topic,
            trace_id=None,
            hand_off=writer_relay,
        )
        assert await other_relay.relay_once() == 0, "leased to the writer's relay"
        assert await writer_relay.relay_once() == 2
        raw = await orders.collection.find_one({"_id": created.id})
        assert raw is not None
        assert raw["outbox"] == [] and raw["outbox_pending"] is False
        assert raw["outbox_lease"] == UNLEASED and "outbox_owner" not in raw
    finally:
        await writer_relay.close()
        await other_relay.close()
    messages = await _consume(kafka_settings, topic, 2)
    statuses = [events_pb2.OrderUpdated.FromString(m.value).order.status for m in messages]
    assert statuses == [order_pb2.ORDER_STATUS_NEW_ORDER, order_pb2.ORDER_STATUS_CANCELLED]
