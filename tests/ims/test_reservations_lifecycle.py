"""Reservations end to end: reserve, replay, shortages, release, commit, expiry (sweeper)."""

from __future__ import annotations

import asyncio
import itertools
import uuid
from collections.abc import AsyncIterator

import asyncpg
import grpc
import pytest
from google.protobuf.duration_pb2 import Duration
from google.rpc import error_details_pb2
from grpc_status import rpc_status
from ims.v1 import inventory_pb2, inventory_pb2_grpc

from common.clients.postgres import PostgresDatabase
from common.settings import PostgresSettings
from ims_grpc.repositories.reservations import ReservationRepository
from ims_grpc.sweeper import ReservationSweeper
from tests.support.catalog_rows import Catalog, create_catalog, ledger_mismatches

RESERVED = inventory_pb2.RESERVE_OUTCOME_RESERVED
INSUFFICIENT = inventory_pb2.RESERVE_OUTCOME_INSUFFICIENT_STOCK


@pytest.fixture
def stub(ims_channel: grpc.aio.Channel) -> inventory_pb2_grpc.InventoryServiceStub:
    return inventory_pb2_grpc.InventoryServiceStub(ims_channel)


@pytest.fixture
async def catalog(ims_channel: grpc.aio.Channel, pg_connection: asyncpg.Connection) -> Catalog:
    return await create_catalog(pg_connection, hubs=2, skus=3)


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


def sweeper(database: PostgresDatabase, batch_size: int = 100) -> ReservationSweeper:
    return ReservationSweeper(
        ReservationRepository(database), interval_s=0.05, batch_size=batch_size
    )


async def stock(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    units: int,
    *,
    sku: int = 0,
    hub: int = 0,
) -> None:
    await stub.UpsertInventory(
        inventory_pb2.UpsertInventoryRequest(
            tenant_id=catalog.tenant,
            hub_id=str(catalog.hub_ids[hub]),
            sku_id=catalog.sku(sku),
            set_quantity_on_hand=units,
        )
    )


def line(
    catalog: Catalog, quantity: int, *, sku: int = 0, hub: int = 0
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


def release(catalog: Catalog, reference: str) -> inventory_pb2.ReleaseReservationRequest:
    return inventory_pb2.ReleaseReservationRequest(tenant_id=catalog.tenant, reference=reference)


def commit(catalog: Catalog, reference: str) -> inventory_pb2.CommitReservationRequest:
    return inventory_pb2.CommitReservationRequest(tenant_id=catalog.tenant, reference=reference)


async def level(
    stub: inventory_pb2_grpc.InventoryServiceStub, catalog: Catalog, *, sku: int = 0, hub: int = 0
) -> tuple[int, int, int]:
    reply = await stub.GetInventory(
        inventory_pb2.GetInventoryRequest(
            tenant_id=catalog.tenant, hub_id=str(catalog.hub_ids[hub]), sku_ids=[catalog.sku(sku)]
        )
    )
    found = reply.levels[0]
    return found.quantity_on_hand, found.quantity_reserved, found.quantity_available


def error_reason(error: grpc.aio.AioRpcError) -> str:
    status = rpc_status.from_call(error)  # type: ignore[arg-type]
    assert status is not None
    for detail in status.details:
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            return info.reason
    return ""


async def ledger(conn: asyncpg.Connection, reference: str) -> list[tuple[str, int, int]]:
    rows = await conn.fetch(
        """
        SELECT type, delta_on_hand, delta_reserved FROM inventory_transactions
        WHERE reference = $1 ORDER BY create_time, id
        """,
        reference,
    )
    return [(row["type"], row["delta_on_hand"], row["delta_reserved"]) for row in rows]


async def test_reserve_merges_and_sorts_lines_and_holds_the_stock(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    await stock(stub, catalog, 10, sku=0)
    await stock(stub, catalog, 10, sku=1, hub=1)
    reply = await stub.ReserveInventory(
        reserve(
            catalog, "order-1", line(catalog, 2, sku=1, hub=1), line(catalog, 3), line(catalog, 1)
        )
    )
    assert reply.outcome == RESERVED
    assert not reply.shortages
    reservation = reply.reservation
    assert (reservation.tenant_id, reservation.reference) == (catalog.tenant, "order-1")
    assert reservation.status == inventory_pb2.RESERVATION_STATUS_RESERVED
    got = [(ln.hub_id, ln.sku_id, ln.quantity) for ln in reservation.lines]
    assert got == sorted(
        [(catalog.hub, catalog.sku(0), 4), (str(catalog.hub_ids[1]), catalog.sku(1), 2)],
        key=lambda item: (uuid.UUID(item[0]), uuid.UUID(item[1])),
    )
    assert not reservation.HasField("expire_time")
    assert reservation.create_time == reservation.update_time
    assert await level(stub, catalog) == (10, 4, 6)
    assert await level(stub, catalog, sku=1, hub=1) == (10, 2, 8)
    assert sorted(await ledger(pg_connection, "order-1")) == [
        ("reserve", 0, 2),
        ("reserve", 0, 4),
    ]


async def test_a_replay_returns_the_original_reservation_and_touches_nothing(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    await stock(stub, catalog, 5)
    first = await stub.ReserveInventory(reserve(catalog, "order-1", line(catalog, 5)))
    # Same reference, different lines (even impossible ones): the first result stands.
    again = await stub.ReserveInventory(reserve(catalog, "order-1", line(catalog, 50, sku=2)))
    assert again.outcome == RESERVED
    assert again.reservation == first.reservation
    assert await level(stub, catalog) == (5, 5, 0)
    assert len(await ledger(pg_connection, "order-1")) == 1


async def test_insufficient_stock_reports_every_short_line_and_writes_nothing(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    await stock(stub, catalog, 3, sku=0)
    await stock(stub, catalog, 10, sku=1)
    reply = await stub.ReserveInventory(
        reserve(
            catalog,
            "order-1",
            line(catalog, 5, sku=0),
            line(catalog, 2, sku=1),
            line(catalog, 1, sku=2),
        )
    )
    assert reply.outcome == INSUFFICIENT
    assert not reply.HasField("reservation")
    shortages = {(s.sku_id, s.requested, s.available) for s in reply.shortages}
    assert shortages == {(catalog.sku(0), 5, 3), (catalog.sku(2), 1, 0)}  # SKU 2: never stocked
    assert await pg_connection.fetchval("SELECT count(*) FROM reservations") == 0
    assert await ledger(pg_connection, "order-1") == []
    assert await level(stub, catalog, sku=1) == (10, 0, 10)

    # Stock arrives: the same reference now reserves (an order left on hold is finalized).
    await stock(stub, catalog, 5, sku=0)
    await stock(stub, catalog, 1, sku=2)
    reply = await stub.ReserveInventory(
        reserve(
            catalog,
            "order-1",
            line(catalog, 5, sku=0),
            line(catalog, 2, sku=1),
            line(catalog, 1, sku=2),
        )
    )
    assert reply.outcome == RESERVED
    assert await ledger_mismatches(pg_connection) == []


async def test_unknown_or_foreign_hub_and_sku_are_not_found(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    other = await create_catalog(pg_connection, skus=1)
    await stub.UpsertInventory(
        inventory_pb2.UpsertInventoryRequest(
            tenant_id=other.tenant, hub_id=other.hub, sku_id=other.sku(), set_quantity_on_hand=5
        )
    )
    unknown = str(uuid.uuid4())
    for hub, sku in ((catalog.hub, unknown), (unknown, catalog.sku()), (other.hub, other.sku())):
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await stub.ReserveInventory(
                inventory_pb2.ReserveInventoryRequest(
                    tenant_id=catalog.tenant,
                    reference="order-x",
                    lines=[inventory_pb2.ReservationLine(hub_id=hub, sku_id=sku, quantity=1)],
                )
            )
        assert raised.value.code() == grpc.StatusCode.NOT_FOUND
    assert await pg_connection.fetchval("SELECT quantity_reserved FROM inventory") == 0


async def test_release_returns_the_stock_and_is_idempotent(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    await stock(stub, catalog, 10)
    await stub.ReserveInventory(reserve(catalog, "order-1", line(catalog, 4)))
    released = await stub.ReleaseReservation(release(catalog, "order-1"))
    assert released.reservation.status == inventory_pb2.RESERVATION_STATUS_RELEASED
    assert await level(stub, catalog) == (10, 0, 10)
    again = await stub.ReleaseReservation(release(catalog, "order-1"))
    assert again.reservation == released.reservation
    assert await ledger(pg_connection, "order-1") == [("reserve", 0, 4), ("release", 0, -4)]

    # A reservation, once released, is not re-made by replaying ReserveInventory.
    replay = await stub.ReserveInventory(reserve(catalog, "order-1", line(catalog, 4)))
    assert replay.outcome == RESERVED
    assert replay.reservation.status == inventory_pb2.RESERVATION_STATUS_RELEASED
    assert await level(stub, catalog) == (10, 0, 10)

    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await stub.CommitReservation(commit(catalog, "order-1"))
    assert raised.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert error_reason(raised.value) == "RESERVATION_RELEASED"
    assert await ledger_mismatches(pg_connection) == []


async def test_commit_consumes_the_stock_and_is_idempotent(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    await stock(stub, catalog, 10)
    await stock(stub, catalog, 10, sku=1)
    await stub.ReserveInventory(
        reserve(catalog, "order-1", line(catalog, 4), line(catalog, 1, sku=1))
    )
    committed = await stub.CommitReservation(commit(catalog, "order-1"))
    assert committed.reservation.status == inventory_pb2.RESERVATION_STATUS_COMMITTED
    assert await level(stub, catalog) == (6, 0, 6)
    assert await level(stub, catalog, sku=1) == (9, 0, 9)
    again = await stub.CommitReservation(commit(catalog, "order-1"))
    assert again.reservation == committed.reservation
    assert sorted(await ledger(pg_connection, "order-1")) == [
        ("commit", -4, -4),
        ("commit", -1, -1),
        ("reserve", 0, 1),
        ("reserve", 0, 4),
    ]

    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await stub.ReleaseReservation(release(catalog, "order-1"))
    assert raised.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert error_reason(raised.value) == "RESERVATION_COMMITTED"
    assert await level(stub, catalog) == (6, 0, 6)
    assert await ledger_mismatches(pg_connection) == []


async def test_concurrent_releases_and_commits_apply_once(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    await stock(stub, catalog, 10)
    await stub.ReserveInventory(reserve(catalog, "a", line(catalog, 3)))
    await stub.ReserveInventory(reserve(catalog, "b", line(catalog, 2)))
    replies = await asyncio.gather(
        *(stub.ReleaseReservation(release(catalog, "a")) for _ in range(10)),
        *(stub.CommitReservation(commit(catalog, "b")) for _ in range(10)),
    )
    assert len({reply.reservation.update_time.ToNanoseconds() for reply in replies[:10]}) == 1
    assert await level(stub, catalog) == (8, 0, 8)
    assert len(await ledger(pg_connection, "a")) == 2
    assert len(await ledger(pg_connection, "b")) == 2


async def test_unknown_reference_or_another_tenants_reference_is_not_found(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    await stock(stub, catalog, 1)
    await stub.ReserveInventory(reserve(catalog, "order-1", line(catalog, 1)))
    other = await create_catalog(pg_connection, skus=1)
    for call in (
        stub.ReleaseReservation(release(catalog, "nope")),
        stub.CommitReservation(commit(catalog, "nope")),
        stub.ReleaseReservation(release(other, "order-1")),
        stub.CommitReservation(commit(other, "order-1")),
    ):
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await call
        assert raised.value.code() == grpc.StatusCode.NOT_FOUND
        assert error_reason(raised.value) == "RESERVATION_NOT_FOUND"
    assert await level(stub, catalog) == (1, 1, 0)


async def test_the_sweeper_expires_reservations_past_their_ttl(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
    database: PostgresDatabase,
) -> None:
    await stock(stub, catalog, 10)
    await stock(stub, catalog, 10, sku=1)
    short = await stub.ReserveInventory(
        reserve(
            catalog,
            "short",
            line(catalog, 3),
            line(catalog, 2, sku=1),
            ttl=Duration(nanos=200_000_000),
        )
    )
    assert short.reservation.HasField("expire_time")
    created = short.reservation.create_time.ToNanoseconds()
    assert short.reservation.expire_time.ToNanoseconds() - created == 200_000_000
    await stub.ReserveInventory(
        reserve(catalog, "long", line(catalog, 1), ttl=Duration(seconds=3600))
    )
    await stub.ReserveInventory(reserve(catalog, "forever", line(catalog, 1)))
    assert await sweeper(database).sweep_once() == 0  # nothing due yet
    assert await level(stub, catalog) == (10, 5, 5)

    await asyncio.sleep(0.25)
    # Past expire_time but not swept yet: it can no longer be committed.
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await stub.CommitReservation(commit(catalog, "short"))
    assert error_reason(raised.value) == "RESERVATION_EXPIRED"

    assert await sweeper(database).sweep_once() == 1
    assert await level(stub, catalog) == (10, 2, 8)
    assert await level(stub, catalog, sku=1) == (10, 0, 10)
    assert sorted(await ledger(pg_connection, "short")) == [
        ("expire", 0, -3),
        ("expire", 0, -2),
        ("reserve", 0, 2),
        ("reserve", 0, 3),
    ]
    assert await sweeper(database).sweep_once() == 0

    replay = await stub.ReserveInventory(reserve(catalog, "short", line(catalog, 3)))
    assert replay.reservation.status == inventory_pb2.RESERVATION_STATUS_EXPIRED
    released = await stub.ReleaseReservation(release(catalog, "short"))  # already back: no-op
    assert released.reservation.status == inventory_pb2.RESERVATION_STATUS_EXPIRED
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await stub.CommitReservation(commit(catalog, "short"))
    assert raised.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert error_reason(raised.value) == "RESERVATION_EXPIRED"
    assert await ledger_mismatches(pg_connection) == []


async def test_sweepers_in_parallel_expire_each_reservation_once_in_batches(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
    database: PostgresDatabase,
) -> None:
    await stock(stub, catalog, 100)
    await stock(stub, catalog, 100, hub=1)
    ttl = Duration(nanos=50_000_000)
    for n in range(25):  # several reservations per (hub, SKU) expire in the same batch
        await stub.ReserveInventory(
            reserve(catalog, f"r-{n}", line(catalog, 1 + n % 3), line(catalog, 2, hub=1), ttl=ttl)
        )
    await asyncio.sleep(0.1)
    counts = await asyncio.gather(*(sweeper(database, batch_size=4).sweep_once() for _ in range(3)))
    assert sum(counts) == 25
    assert await level(stub, catalog) == (100, 0, 100)
    assert await level(stub, catalog, hub=1) == (100, 0, 100)
    assert (
        await pg_connection.fetchval(
            "SELECT count(*) FROM inventory_transactions WHERE type = 'expire'"
        )
        == 50
    )
    # Each expiry row records the quantities right after that reservation's own release: per
    # (hub, SKU) the rows chain from the reserved total down to 0 without gap or repeat.
    rows = await pg_connection.fetch(
        """
        SELECT hub_id, delta_reserved, quantity_reserved_after FROM inventory_transactions
        WHERE type = 'expire' ORDER BY hub_id, quantity_reserved_after DESC
        """
    )
    for hub in catalog.hub_ids:
        chain = [row for row in rows if row["hub_id"] == hub]
        assert chain[-1]["quantity_reserved_after"] == 0
        for previous, row in itertools.pairwise(chain):
            before = row["quantity_reserved_after"] - row["delta_reserved"]
            assert before == previous["quantity_reserved_after"]
    assert await ledger_mismatches(pg_connection) == []


async def test_the_background_sweeper_runs_until_stopped(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    database: PostgresDatabase,
) -> None:
    await stock(stub, catalog, 5)
    await stub.ReserveInventory(
        reserve(catalog, "soon", line(catalog, 5), ttl=Duration(nanos=100_000_000))
    )
    async with sweeper(database).running():
        for _ in range(100):
            if await level(stub, catalog) == (5, 0, 5):
                break
            await asyncio.sleep(0.05)
    assert await level(stub, catalog) == (5, 0, 5)
