"""inventory.changed: written with the movement (transactional outbox), relayed to Kafka.

Through the public gRPC API of the IMS composition root (server + sweeper + outbox relay) on
the real PostgreSQL and Kafka. To know that *nothing else* was published, a test waits until
the outbox is empty — a row leaves it only once Kafka has acknowledged its event — and then
reads the test's topic from the beginning up to its end offsets: what it gets is everything
that was ever published there, so "exactly these events" is checked without any timing.
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

import asyncpg
import grpc
import pytest
from aiokafka import AIOKafkaConsumer, ConsumerRecord, TopicPartition
from google.protobuf.duration_pb2 import Duration
from ims.v1 import events_pb2, inventory_pb2, inventory_pb2_grpc

from common.clients.kafka import KafkaProducer
from common.clients.postgres import PostgresDatabase
from common.settings import KafkaSettings, PostgresSettings, RedisSettings
from common.timestamps import from_timestamp
from common.tracing import bind_trace_id
from ims_grpc.main import build_relay, open_dependencies, running
from ims_grpc.outbox_relay import InventoryOutboxRelay
from ims_grpc.repositories.outbox import InventoryOutboxRepository
from ims_grpc.repositories.reservations import ReservationRepository
from ims_grpc.settings import ImsSettings
from ims_grpc.sweeper import ReservationSweeper
from tests.support.auth import TEST_AUTH, admin_channel
from tests.support.catalog_rows import Catalog, create_catalog

DEADLINE_S = 60.0
Stub = inventory_pb2_grpc.InventoryServiceStub


@dataclass(frozen=True)
class Published:
    key: bytes
    event: events_pb2.InventoryChanged
    headers: dict[str, bytes]


# --- helpers ------------------------------------------------------------------------------


async def eventually(check: Callable[[], Awaitable[bool]], what: str) -> None:
    """Poll `check` until it holds; fail after a generous deadline (never a speed claim)."""
    deadline = time.monotonic() + DEADLINE_S
    while not await check():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {DEADLINE_S:.0f} s: {what}")
        await asyncio.sleep(0.05)


async def outbox_size(conn: asyncpg.Connection) -> int:
    return int(await conn.fetchval("SELECT count(*) FROM inventory_outbox"))


async def read_topic(settings: KafkaSettings) -> list[Published]:
    """Every record of the test's inventory.changed topic, partition by partition in offset
    order (so, per key, in publishing order)."""
    topic = settings.topic_inventory_changed
    consumer = AIOKafkaConsumer(
        bootstrap_servers=settings.bootstrap_servers, enable_auto_commit=False
    )
    await consumer.start()
    records: list[ConsumerRecord[bytes, bytes]] = []
    try:
        partitions = [TopicPartition(topic, p) for p in range(settings.topic_partitions)]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        end = await consumer.end_offsets(partitions)
        async with asyncio.timeout(DEADLINE_S):
            for partition in partitions:
                while await consumer.position(partition) < end[partition]:
                    batch = await consumer.getmany(partition, timeout_ms=200)
                    records.extend(batch.get(partition, []))
    finally:
        await consumer.stop()
    return [
        Published(
            key=record.key or b"",
            event=events_pb2.InventoryChanged.FromString(record.value or b""),
            headers={k: bytes(v) for k, v in record.headers},
        )
        for record in records
    ]


async def published(conn: asyncpg.Connection, settings: KafkaSettings) -> list[Published]:
    """Everything published, once every event written so far has been."""

    async def drained() -> bool:
        return await outbox_size(conn) == 0

    await eventually(drained, "the outbox is relayed")
    return await read_topic(settings)


def key(catalog: Catalog, *, hub: int = 0, sku: int = 0) -> bytes:
    return f"{catalog.hub_ids[hub]}/{catalog.sku_ids[sku]}".encode()


def levels(messages: list[Published]) -> list[tuple[bytes, int, int, str]]:
    """(key, on_hand, available, reference) of each event."""
    return [
        (m.key, m.event.quantity_on_hand, m.event.quantity_available, m.event.reference)
        for m in messages
    ]


def upsert(
    catalog: Catalog,
    *,
    set_to: int | None = None,
    delta: int | None = None,
    reference: str = "",
    hub: int = 0,
    sku: int = 0,
) -> inventory_pb2.UpsertInventoryRequest:
    request = inventory_pb2.UpsertInventoryRequest(
        tenant_id=catalog.tenant,
        hub_id=str(catalog.hub_ids[hub]),
        sku_id=catalog.sku(sku),
        reference=reference,
    )
    if set_to is not None:
        request.set_quantity_on_hand = set_to
    if delta is not None:
        request.delta_quantity_on_hand = delta
    return request


def line(
    catalog: Catalog, quantity: int, *, hub: int = 0, sku: int = 0
) -> inventory_pb2.ReservationLine:
    return inventory_pb2.ReservationLine(
        hub_id=str(catalog.hub_ids[hub]), sku_id=catalog.sku(sku), quantity=quantity
    )


def reserve(
    catalog: Catalog,
    reference: str,
    *lines: inventory_pb2.ReservationLine,
    ttl: Duration | None = None,
) -> inventory_pb2.ReserveInventoryRequest:
    request = inventory_pb2.ReserveInventoryRequest(
        tenant_id=catalog.tenant, reference=reference, lines=list(lines)
    )
    if ttl is not None:
        request.ttl.CopyFrom(ttl)
    return request


def reservation_key(catalog: Catalog, reference: str) -> dict[str, str]:
    return {"tenant_id": catalog.tenant, "reference": reference}


async def refused(call: Awaitable[object]) -> grpc.StatusCode:
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await call
    code: grpc.StatusCode = raised.value.code()
    return code


def build_relay_on(database: PostgresDatabase, kafka: KafkaSettings) -> InventoryOutboxRelay:
    return InventoryOutboxRelay(
        InventoryOutboxRepository(database),
        lambda: KafkaProducer.start(kafka),
        topic=kafka.topic_inventory_changed,
    )


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


# --- fixtures -----------------------------------------------------------------------------


@pytest.fixture
def stub(ims_channel: grpc.aio.Channel) -> Stub:
    return Stub(ims_channel)


@pytest.fixture
async def catalog(ims_channel: grpc.aio.Channel, pg_connection: asyncpg.Connection) -> Catalog:
    return await create_catalog(pg_connection, hubs=2, skus=3)


@pytest.fixture
def unreachable_kafka(kafka_settings: KafkaSettings) -> KafkaSettings:
    """The test's topics on a port nothing listens on: Kafka is down."""
    return kafka_settings.model_copy(update={"bootstrap_servers": f"127.0.0.1:{closed_port()}"})


@dataclass(frozen=True)
class OfflineIms:
    stub: Stub
    catalog: Catalog


@pytest.fixture
async def offline_ims(
    postgres_settings: PostgresSettings,
    unreachable_kafka: KafkaSettings,
    pg_connection: asyncpg.Connection,
    unique: str,
) -> AsyncIterator[OfflineIms]:
    """The IMS composition root while Kafka is unreachable: its relay keeps failing, so every
    event written stays in the outbox where the test can read it."""
    settings = ImsSettings(port=0, shutdown_grace_s=1, sweep_interval_s=3600)
    redis = RedisSettings(key_prefix=f"test-{unique}")
    async with (
        open_dependencies(settings, postgres_settings, redis, unreachable_kafka, TEST_AUTH) as deps,
        running(deps) as server,
        admin_channel(f"127.0.0.1:{server.port}") as channel,
    ):
        yield OfflineIms(Stub(channel), await create_catalog(pg_connection, hubs=2, skus=3))


@pytest.fixture
async def database(
    ims_server: object, postgres_settings: PostgresSettings
) -> AsyncIterator[PostgresDatabase]:
    """A pool of its own on the test database (the server's migrations are applied)."""
    database = await PostgresDatabase.connect(postgres_settings)
    try:
        yield database
    finally:
        await database.close()


# --- what is published --------------------------------------------------------------------


async def test_a_restock_publishes_one_event_with_the_levels_after_it(
    stub: Stub, catalog: Catalog, pg_connection: asyncpg.Connection, kafka_settings: KafkaSettings
) -> None:
    trace = (("x-trace-id", "trace-restock"),)
    await stub.UpsertInventory(upsert(catalog, set_to=10, reference="count-1"), metadata=trace)
    await stub.ReserveInventory(reserve(catalog, "order-1", line(catalog, 4)))  # no event
    await stub.UpsertInventory(upsert(catalog, delta=5, reference="delivery-7"), metadata=trace)
    await stub.UpsertInventory(upsert(catalog, set_to=20, reference="count-2"), metadata=trace)

    messages = await published(pg_connection, kafka_settings)
    cell = key(catalog)
    assert levels(messages) == [
        (cell, 10, 10, "count-1"),
        (cell, 15, 11, "delivery-7"),
        (cell, 20, 16, "count-2"),
    ]
    ledger = await pg_connection.fetch(
        "SELECT id, reference, create_time FROM inventory_transactions"
        " WHERE type IN ('set', 'adjust') ORDER BY create_time"
    )
    for message, entry in zip(messages, ledger, strict=True):
        event = message.event
        # The event is the ledger row that raised availability: same id, same time.
        assert event.event_id == str(entry["id"])
        assert from_timestamp(event.occur_time) == entry["create_time"]
        assert (event.tenant_id, event.hub_id, event.sku_id) == (
            catalog.tenant,
            catalog.hub,
            catalog.sku(),
        )
        assert event.trace_id == "trace-restock"
        assert message.headers == {"event-type": b"inventory.changed", "trace-id": b"trace-restock"}
    assert await outbox_size(pg_connection) == 0


async def test_lowering_or_keeping_availability_publishes_nothing(
    stub: Stub, catalog: Catalog, pg_connection: asyncpg.Connection, kafka_settings: KafkaSettings
) -> None:
    await stub.UpsertInventory(upsert(catalog, set_to=10, reference="count-1"))
    await stub.UpsertInventory(upsert(catalog, delta=-3))
    await stub.UpsertInventory(upsert(catalog, set_to=5))
    await stub.UpsertInventory(upsert(catalog, set_to=5, reference="same-again"))  # delta 0
    await stub.UpsertInventory(upsert(catalog, set_to=0, sku=1))  # first row, at zero
    await stub.ReserveInventory(reserve(catalog, "order-1", line(catalog, 2)))
    await stub.CommitReservation(  # on_hand and reserved fall together
        inventory_pb2.CommitReservationRequest(**reservation_key(catalog, "order-1"))
    )
    await stub.ReserveInventory(reserve(catalog, "order-2", line(catalog, 1)))
    assert levels(await published(pg_connection, kafka_settings)) == [
        (key(catalog), 10, 10, "count-1")
    ]


async def test_a_release_publishes_one_event_per_line_and_a_repeated_release_none(
    stub: Stub, catalog: Catalog, pg_connection: asyncpg.Connection, kafka_settings: KafkaSettings
) -> None:
    await stub.UpsertInventory(upsert(catalog, set_to=10, reference="a"))
    await stub.UpsertInventory(upsert(catalog, set_to=7, hub=1, sku=2, reference="b"))
    await stub.ReserveInventory(
        reserve(catalog, "order-1", line(catalog, 4), line(catalog, 3, hub=1, sku=2))
    )
    release = inventory_pb2.ReleaseReservationRequest(**reservation_key(catalog, "order-1"))
    await stub.ReleaseReservation(release, metadata=(("x-trace-id", "trace-release"),))
    await stub.ReleaseReservation(release)  # idempotent: nothing moves, nothing published

    messages = await published(pg_connection, kafka_settings)
    assert [m for m in levels(messages) if m[0] == key(catalog)] == [
        (key(catalog), 10, 10, "a"),
        (key(catalog), 10, 10, "order-1"),
    ]
    assert [m for m in levels(messages) if m[0] == key(catalog, hub=1, sku=2)] == [
        (key(catalog, hub=1, sku=2), 7, 7, "b"),
        (key(catalog, hub=1, sku=2), 7, 7, "order-1"),
    ]
    assert len(messages) == 4
    released = [m.event for m in messages if m.event.reference == "order-1"]
    assert {e.trace_id for e in released} == {"trace-release"}


async def test_an_expired_reservation_publishes_one_event_per_line_when_swept(
    stub: Stub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
    kafka_settings: KafkaSettings,
    database: PostgresDatabase,
) -> None:
    await stub.UpsertInventory(upsert(catalog, set_to=10, reference="count"))
    await stub.UpsertInventory(upsert(catalog, set_to=10, sku=1, reference="count"))
    ttl = Duration(nanos=50_000_000)
    # Two reservations on one (hub, SKU) expire in the same statement: one event each, in the
    # order the ledger chains them (availability 7 → 9 → 10 … for the first SKU).
    await stub.ReserveInventory(
        reserve(catalog, "r-1", line(catalog, 1), line(catalog, 4, sku=1), ttl=ttl)
    )
    await stub.ReserveInventory(reserve(catalog, "r-2", line(catalog, 2), ttl=ttl))
    await stub.ReserveInventory(reserve(catalog, "kept", line(catalog, 3)))  # no ttl

    sweeper = ReservationSweeper(ReservationRepository(database), interval_s=1, batch_size=100)
    swept = 0
    bind_trace_id("trace-sweep")

    async def all_swept() -> bool:
        nonlocal swept
        swept += await sweeper.sweep_once()
        return swept == 2

    await eventually(all_swept, "both reservations expired")

    messages = await published(pg_connection, kafka_settings)
    assert len(messages) == 2 + 3  # the two stock counts, then one per expired line
    expired = [m for m in messages if m.event.reference in ("r-1", "r-2")]
    # Per key (one partition) in the order of the movements.
    assert [m for m in levels(expired) if m[0] == key(catalog)] == [
        (key(catalog), 10, 5, "r-1"),
        (key(catalog), 10, 7, "r-2"),
    ]
    assert [m for m in levels(expired) if m[0] == key(catalog, sku=1)] == [
        (key(catalog, sku=1), 10, 10, "r-1")
    ]
    assert {m.event.trace_id for m in expired} == {"trace-sweep"}


async def test_a_replayed_upsert_publishes_no_second_event(
    stub: Stub, catalog: Catalog, pg_connection: asyncpg.Connection, kafka_settings: KafkaSettings
) -> None:
    for _ in range(3):
        await stub.UpsertInventory(upsert(catalog, delta=5, reference="delivery-1"))
        await stub.UpsertInventory(upsert(catalog, set_to=50, sku=1, reference="count-1"))
    await asyncio.gather(
        *(stub.UpsertInventory(upsert(catalog, delta=2, sku=2, reference="d-2")) for _ in range(10))
    )
    assert sorted(levels(await published(pg_connection, kafka_settings))) == sorted(
        [
            (key(catalog), 5, 5, "delivery-1"),
            (key(catalog, sku=1), 50, 50, "count-1"),
            (key(catalog, sku=2), 2, 2, "d-2"),
        ]
    )


async def test_a_refused_movement_publishes_nothing(
    stub: Stub, catalog: Catalog, pg_connection: asyncpg.Connection, kafka_settings: KafkaSettings
) -> None:
    await stub.UpsertInventory(upsert(catalog, set_to=10, reference="count"))
    await stub.ReserveInventory(reserve(catalog, "order-1", line(catalog, 6)))
    assert await refused(stub.UpsertInventory(upsert(catalog, set_to=3))) == (
        grpc.StatusCode.FAILED_PRECONDITION
    )
    assert await refused(stub.UpsertInventory(upsert(catalog, delta=-20))) == (
        grpc.StatusCode.FAILED_PRECONDITION
    )
    assert levels(await published(pg_connection, kafka_settings)) == [
        (key(catalog), 10, 10, "count")
    ]


async def test_movements_on_several_skus_publish_one_event_each(
    stub: Stub, catalog: Catalog, pg_connection: asyncpg.Connection, kafka_settings: KafkaSettings
) -> None:
    cells = [(hub, sku) for hub in range(2) for sku in range(3)]
    await asyncio.gather(
        *(
            stub.UpsertInventory(
                upsert(catalog, delta=10 + n, hub=hub, sku=sku, reference=f"in-{n}")
            )
            for n, (hub, sku) in enumerate(cells)
        )
    )
    lines = [line(catalog, 1 + n, hub=hub, sku=sku) for n, (hub, sku) in enumerate(cells)]
    await stub.ReserveInventory(reserve(catalog, "big-order", *lines))
    await stub.ReleaseReservation(
        inventory_pb2.ReleaseReservationRequest(**reservation_key(catalog, "big-order"))
    )

    messages = await published(pg_connection, kafka_settings)
    assert len(messages) == 2 * len(cells)
    for n, (hub, sku) in enumerate(cells):
        mine = [m for m in messages if m.key == key(catalog, hub=hub, sku=sku)]
        assert levels(mine) == [
            (key(catalog, hub=hub, sku=sku), 10 + n, 10 + n, f"in-{n}"),
            (key(catalog, hub=hub, sku=sku), 10 + n, 10 + n, "big-order"),
        ]
    assert len({m.event.event_id for m in messages}) == len(messages)


# --- the outbox itself ----------------------------------------------------------------------


async def test_events_are_stored_with_the_change_and_refused_or_replayed_movements_store_none(
    offline_ims: OfflineIms, pg_connection: asyncpg.Connection
) -> None:
    stub, catalog = offline_ims.stub, offline_ims.catalog

    async def rows() -> list[tuple[object, ...]]:
        found = await pg_connection.fetch(
            "SELECT hub_id, sku_id, quantity_on_hand, quantity_available, reference"
            " FROM inventory_outbox ORDER BY id"
        )
        return [tuple(row) for row in found]

    hub, sku = catalog.hub_ids[0], catalog.sku_ids[0]
    await stub.UpsertInventory(upsert(catalog, set_to=10, reference="count"))
    await stub.UpsertInventory(upsert(catalog, set_to=10, reference="count"))  # replay
    await stub.ReserveInventory(reserve(catalog, "order-1", line(catalog, 6)))
    assert await refused(stub.UpsertInventory(upsert(catalog, set_to=3))) == (
        grpc.StatusCode.FAILED_PRECONDITION
    )
    assert await refused(stub.UpsertInventory(upsert(catalog, delta=-20))) == (
        grpc.StatusCode.FAILED_PRECONDITION
    )
    unknown = upsert(catalog, delta=5)
    unknown.sku_id = str(catalog.hub_ids[1])  # not a SKU
    assert await refused(stub.UpsertInventory(unknown)) == grpc.StatusCode.NOT_FOUND
    assert await rows() == [(hub, sku, 10, 10, "count")]

    await stub.UpsertInventory(upsert(catalog, delta=1, reference="found-one"))
    await stub.ReleaseReservation(
        inventory_pb2.ReleaseReservationRequest(**reservation_key(catalog, "order-1"))
    )
    assert await rows() == [
        (hub, sku, 10, 10, "count"),
        (hub, sku, 11, 5, "found-one"),
        (hub, sku, 11, 11, "order-1"),
    ]
    # Each row is its ledger row's twin.
    assert (
        await pg_connection.fetchval(
            """
        SELECT count(*) FROM inventory_outbox AS o
        JOIN inventory_transactions AS t ON t.id = o.event_id
        WHERE t.quantity_on_hand_after = o.quantity_on_hand
          AND t.quantity_on_hand_after - t.quantity_reserved_after = o.quantity_available
          AND t.reference = o.reference AND t.create_time = o.occur_time
        """
        )
        == 3
    )


async def test_events_written_while_kafka_was_unreachable_are_published_once_it_is_back(
    postgres_settings: PostgresSettings,
    kafka_settings: KafkaSettings,
    offline_ims: OfflineIms,
    pg_connection: asyncpg.Connection,
    unique: str,
) -> None:
    stub, catalog = offline_ims.stub, offline_ims.catalog
    for sku in range(3):
        await stub.UpsertInventory(upsert(catalog, set_to=5 + sku, sku=sku, reference="count"))
    await stub.UpsertInventory(upsert(catalog, delta=1, reference="delivery"))
    pending = {
        row["event_id"]
        for row in await pg_connection.fetch("SELECT event_id FROM inventory_outbox")
    }
    assert len(pending) == 4  # written, and kept while Kafka is down

    # Another replica, with Kafka reachable, while the first still cannot publish.
    settings = ImsSettings(port=0, shutdown_grace_s=1, sweep_interval_s=3600)
    redis = RedisSettings(key_prefix=f"test-{unique}")
    async with (
        open_dependencies(settings, postgres_settings, redis, kafka_settings, TEST_AUTH) as deps,
        running(deps),
    ):
        messages = await published(pg_connection, kafka_settings)
    assert sorted(m.event.event_id for m in messages) == sorted(str(e) for e in pending)
    assert sorted(levels(messages)) == sorted(
        [
            (key(catalog, sku=0), 5, 5, "count"),
            (key(catalog, sku=1), 6, 6, "count"),
            (key(catalog, sku=2), 7, 7, "count"),
            (key(catalog, sku=0), 6, 6, "delivery"),
        ]
    )


async def test_a_relay_retries_through_an_outage_and_then_publishes_everything_once(
    offline_ims: OfflineIms,
    postgres_settings: PostgresSettings,
    kafka_settings: KafkaSettings,
    unreachable_kafka: KafkaSettings,
    pg_connection: asyncpg.Connection,
) -> None:
    stub, catalog = offline_ims.stub, offline_ims.catalog
    for n in range(5):
        await stub.UpsertInventory(upsert(catalog, delta=1, sku=n % 3, reference=f"in-{n}"))

    target = [unreachable_kafka]
    attempts = 0

    async def connect() -> KafkaProducer:
        nonlocal attempts
        attempts += 1
        return await KafkaProducer.start(target[0])

    database = await PostgresDatabase.connect(postgres_settings)
    relay = InventoryOutboxRelay(
        InventoryOutboxRepository(database),
        connect,
        topic=kafka_settings.topic_inventory_changed,
        poll_interval_s=0.2,
        max_retry_delay_s=0.5,
    )
    try:
        async with relay.running():

            async def failed_twice() -> bool:
                return attempts >= 2

            await eventually(failed_twice, "the relay retried")
            assert await outbox_size(pg_connection) == 5
            target[0] = kafka_settings  # the broker is back
            messages = await published(pg_connection, kafka_settings)
    finally:
        await database.close()
    assert sorted(m.event.reference for m in messages) == [f"in-{n}" for n in range(5)]


async def test_two_relays_at_once_publish_every_event_exactly_once(
    offline_ims: OfflineIms,
    postgres_settings: PostgresSettings,
    kafka_settings: KafkaSettings,
    pg_connection: asyncpg.Connection,
    unique: str,
) -> None:
    stub, catalog = offline_ims.stub, offline_ims.catalog
    cells = [(hub, sku) for hub in range(2) for sku in range(3)]
    await asyncio.gather(
        *(
            stub.UpsertInventory(upsert(catalog, delta=1, hub=hub, sku=sku, reference=f"in-{n}"))
            for n in range(20)
            for hub, sku in cells
        )
    )
    pending = [
        row["event_id"]
        for row in await pg_connection.fetch("SELECT event_id FROM inventory_outbox")
    ]
    assert len(pending) == 20 * len(cells)

    # Two replicas' relays, small batches so that they really take turns on the rows.
    settings = ImsSettings(port=0, outbox_batch_size=7)
    redis = RedisSettings(key_prefix=f"test-{unique}")
    async with (
        open_dependencies(settings, postgres_settings, redis, kafka_settings, TEST_AUTH) as first,
        open_dependencies(settings, postgres_settings, redis, kafka_settings, TEST_AUTH) as second,
        build_relay(first).running(),
        build_relay(second).running(),
    ):
        messages = await published(pg_connection, kafka_settings)
    assert sorted(m.event.event_id for m in messages) == sorted(str(e) for e in pending)
    for hub, sku in cells:
        mine = [m.event for m in messages if m.key == key(catalog, hub=hub, sku=sku)]
        assert sorted(e.quantity_on_hand for e in mine) == list(range(1, 21))


async def test_a_batch_kafka_did_not_acknowledge_stays_in_the_outbox(
    offline_ims: OfflineIms,
    postgres_settings: PostgresSettings,
    kafka_settings: KafkaSettings,
    pg_connection: asyncpg.Connection,
) -> None:
    stub, catalog = offline_ims.stub, offline_ims.catalog
    for n in range(3):
        await stub.UpsertInventory(upsert(catalog, delta=1, sku=n, reference=f"in-{n}"))

    class BrokenProducer:
        """Connected, but the broker never acknowledges (it fails mid-batch)."""

        async def send_many(self, records: object) -> None:
            raise ConnectionError("broker went away")

        async def close(self) -> None:
            pass

    async def connect() -> BrokenProducer:
        return BrokenProducer()

    database = await PostgresDatabase.connect(postgres_settings)
    try:
        relay = InventoryOutboxRelay(
            InventoryOutboxRepository(database),
            connect,  # type: ignore[arg-type]
            topic=kafka_settings.topic_inventory_changed,
        )
        with pytest.raises(ConnectionError):
            await relay.relay_once()
        await relay.close()
        assert await outbox_size(pg_connection) == 3  # claimed, then put back

        relay = build_relay_on(database, kafka_settings)
        published_now = 0
        while batch := await relay.relay_once():
            published_now += batch
        await relay.close()
    finally:
        await database.close()
    assert published_now == 3
    assert sorted(m.event.reference for m in await read_topic(kafka_settings)) == [
        "in-0",
        "in-1",
        "in-2",
    ]


async def test_notifications_wake_the_relay_and_a_lost_listen_connection_is_reopened(
    offline_ims: OfflineIms,
    postgres_settings: PostgresSettings,
    kafka_settings: KafkaSettings,
    pg_connection: asyncpg.Connection,
) -> None:
    """With a fallback poll of an hour, only NOTIFY can get an event out within the deadline."""
    stub, catalog = offline_ims.stub, offline_ims.catalog

    async def listener_pid() -> int | None:
        pid = await pg_connection.fetchval(
            """
            SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND query LIKE 'LISTEN%inventory_outbox%'
              AND pid <> pg_backend_pid()
            """
        )
        return None if pid is None else int(pid)

    async def restock_is_published(n: int) -> None:
        await stub.UpsertInventory(upsert(catalog, delta=1, reference=f"in-{n}"))

        async def out() -> bool:
            return await outbox_size(pg_connection) == 0

        await eventually(out, f"restock {n} is published")

    database = await PostgresDatabase.connect(postgres_settings)
    relay = InventoryOutboxRelay(
        InventoryOutboxRepository(database),
        lambda: KafkaProducer.start(kafka_settings),
        topic=kafka_settings.topic_inventory_changed,
        poll_interval_s=3600,
        max_retry_delay_s=0.5,
    )
    try:
        async with relay.running():

            async def listening() -> bool:
                return await listener_pid() is not None

            await eventually(listening, "the relay listens")
            await restock_is_published(0)

            lost = await listener_pid()
            # The connection dies (a PostgreSQL restart, a network cut): the relay listens again.
            await pg_connection.execute("SELECT pg_terminate_backend($1)", lost)

            async def listening_again() -> bool:
                return (await listener_pid()) not in (None, lost)

            await eventually(listening_again, "the relay listens again")
            await restock_is_published(1)
            await restock_is_published(2)
    finally:
        await database.close()
    assert sorted(m.event.reference for m in await read_topic(kafka_settings)) == [
        "in-0",
        "in-1",
        "in-2",
    ]
