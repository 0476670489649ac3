"""ReserveInventory under concurrency: never oversold, all-or-nothing, no deadlock, idempotent.

Every call goes through the real gRPC server and its connection pool, so the calls really run
as concurrent PostgreSQL transactions on the same rows.
"""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from uuid import UUID

import asyncpg
import grpc
import pytest
from ims.v1 import inventory_pb2, inventory_pb2_grpc

from tests.support.catalog_rows import (
    Catalog,
    create_catalog,
    ledger_mismatches,
    wait_for_lock_waiters,
)

RESERVED = inventory_pb2.RESERVE_OUTCOME_RESERVED
INSUFFICIENT = inventory_pb2.RESERVE_OUTCOME_INSUFFICIENT_STOCK


@pytest.fixture
def stub(ims_channel: grpc.aio.Channel) -> inventory_pb2_grpc.InventoryServiceStub:
    return inventory_pb2_grpc.InventoryServiceStub(ims_channel)


@pytest.fixture
async def catalog(ims_channel: grpc.aio.Channel, pg_connection: asyncpg.Connection) -> Catalog:
    return await create_catalog(pg_connection, hubs=2, skus=3)


async def stock(
    stub: inventory_pb2_grpc.InventoryServiceStub, catalog: Catalog, hub: str, sku: str, units: int
) -> None:
    await stub.UpsertInventory(
        inventory_pb2.UpsertInventoryRequest(
            tenant_id=catalog.tenant, hub_id=hub, sku_id=sku, set_quantity_on_hand=units
        )
    )


def reserve(
    catalog: Catalog, reference: str, lines: list[tuple[str, str, int]]
) -> inventory_pb2.ReserveInventoryRequest:
    return inventory_pb2.ReserveInventoryRequest(
        tenant_id=catalog.tenant,
        reference=reference,
        lines=[
            inventory_pb2.ReservationLine(hub_id=hub, sku_id=sku, quantity=quantity)
            for hub, sku, quantity in lines
        ],
    )


async def assert_ledger_is_a_valid_history(conn: asyncpg.Connection) -> None:
    """Sums match the stock rows; every row's quantities are legal; and per (hub, SKU), in
    ledger order, each row starts where the previous one ended."""
    assert await ledger_mismatches(conn) == []
    rows = await conn.fetch(
        """
        SELECT hub_id, sku_id, delta_on_hand, delta_reserved,
               quantity_on_hand_after, quantity_reserved_after
        FROM inventory_transactions ORDER BY hub_id, sku_id, create_time, id
        """
    )
    previous: dict[tuple[UUID, UUID], tuple[int, int]] = {}
    for row in rows:
        key = (row["hub_id"], row["sku_id"])
        on_hand, reserved = row["quantity_on_hand_after"], row["quantity_reserved_after"]
        assert 0 <= reserved <= on_hand
        before = previous.get(key, (0, 0))
        assert (before[0] + row["delta_on_hand"], before[1] + row["delta_reserved"]) == (
            on_hand,
            reserved,
        )
        previous[key] = (on_hand, reserved)


async def test_200_concurrent_single_unit_reservations_on_100_units(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    await stock(stub, catalog, catalog.hub, catalog.sku(), 100)
    replies = await asyncio.gather(
        *(
            stub.ReserveInventory(reserve(catalog, f"order-{n}", [(catalog.hub, catalog.sku(), 1)]))
            for n in range(200)
        )
    )
    outcomes = Counter(reply.outcome for reply in replies)
    assert outcomes == {RESERVED: 100, INSUFFICIENT: 100}
    for reply in replies:
        if reply.outcome == INSUFFICIENT:
            assert [(s.requested, s.available) for s in reply.shortages] == [(1, 0)]
    row = await pg_connection.fetchrow(
        "SELECT quantity_on_hand, quantity_reserved FROM inventory WHERE sku_id = $1",
        catalog.sku_ids[0],
    )
    assert tuple(row) == (100, 100)
    assert await pg_connection.fetchval("SELECT count(*) FROM reservations") == 100
    reserved_refs = {r.reservation.reference for r in replies if r.outcome == RESERVED}
    ledger_refs = await pg_connection.fetch(
        "SELECT reference FROM inventory_transactions WHERE type = 'reserve'"
    )
    assert {row["reference"] for row in ledger_refs} == reserved_refs
    await assert_ledger_is_a_valid_history(pg_connection)


async def test_overlapping_multi_line_reservations_are_all_or_nothing_without_deadlock(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    rng = random.Random(7)
    cells = [(hub, str(sku)) for hub in map(str, catalog.hub_ids) for sku in catalog.sku_ids]
    for hub, sku in cells:
        await stock(stub, catalog, hub, sku, 40)
    requests: dict[str, list[tuple[str, str, int]]] = {}
    for n in range(150):
        chosen = rng.sample(cells, rng.randint(1, 4))
        lines = [(hub, sku, rng.randint(1, 5)) for hub, sku in chosen]
        if rng.random() < 0.2:  # a duplicated line: added together by the server
            lines.append(lines[0])
        rng.shuffle(lines)  # callers send lines in any order
        requests[f"order-{n}"] = lines
    replies = await asyncio.gather(
        *(stub.ReserveInventory(reserve(catalog, ref, lines)) for ref, lines in requests.items())
    )
    outcomes = Counter(reply.outcome for reply in replies)
    assert outcomes[RESERVED] > 0 and outcomes[INSUFFICIENT] > 0  # the stock really ran out
    assert outcomes[RESERVED] + outcomes[INSUFFICIENT] == len(requests)

    # All or nothing: the stock held is exactly the sum of the successful reservations' lines.
    expected: Counter[tuple[str, str]] = Counter()
    for (ref, lines), reply in zip(requests.items(), replies, strict=True):
        if reply.outcome == RESERVED:
            assert reply.reservation.reference == ref
            for hub, sku, quantity in lines:
                expected[(hub, sku)] += quantity
            merged = Counter[tuple[str, str]]()
            for hub, sku, quantity in lines:
                merged[(hub, sku)] += quantity
            assert {(ln.hub_id, ln.sku_id): ln.quantity for ln in reply.reservation.lines} == merged
    rows = await pg_connection.fetch(
        "SELECT hub_id, sku_id, quantity_on_hand, quantity_reserved FROM inventory"
    )
    for row in rows:
        assert row["quantity_on_hand"] == 40
        assert row["quantity_reserved"] == expected[(str(row["hub_id"]), str(row["sku_id"]))]
        assert row["quantity_reserved"] <= 40
    failed = [
        ref for ref, reply in zip(requests, replies, strict=True) if reply.outcome != RESERVED
    ]
    assert (
        await pg_connection.fetchval(
            "SELECT count(*) FROM inventory_transactions WHERE reference = ANY($1::text[])",
            failed,
        )
        == 0
    )
    await assert_ledger_is_a_valid_history(pg_connection)


async def test_reservations_releases_commits_and_restocks_interleaved(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    """Every kind of stock movement at once on the same rows: no deadlock, no lost update."""
    rng = random.Random(11)
    cells = [(hub, str(sku)) for hub in map(str, catalog.hub_ids) for sku in catalog.sku_ids]
    for hub, sku in cells:
        await stock(stub, catalog, hub, sku, 30)

    async def order(n: int) -> None:
        lines = [(hub, sku, rng.randint(1, 3)) for hub, sku in rng.sample(cells, 3)]
        reply = await stub.ReserveInventory(reserve(catalog, f"o-{n}", lines))
        if reply.outcome != RESERVED:
            return
        key = {"tenant_id": catalog.tenant, "reference": f"o-{n}"}
        if n % 3 == 0:
            await stub.ReleaseReservation(inventory_pb2.ReleaseReservationRequest(**key))
        elif n % 3 == 1:
            await stub.CommitReservation(inventory_pb2.CommitReservationRequest(**key))

    async def restock(n: int) -> None:
        hub, sku = cells[n % len(cells)]
        await stub.UpsertInventory(
            inventory_pb2.UpsertInventoryRequest(
                tenant_id=catalog.tenant, hub_id=hub, sku_id=sku, delta_quantity_on_hand=2
            )
        )

    await asyncio.gather(*(order(n) for n in range(120)), *(restock(n) for n in range(30)))

    held = await pg_connection.fetch(
        """
        SELECT (l ->> 'hub_id')::uuid AS hub_id, (l ->> 'sku_id')::uuid AS sku_id,
               sum((l ->> 'quantity')::bigint) AS quantity
        FROM reservations, jsonb_array_elements(lines) AS l
        WHERE status = 'reserved' GROUP BY 1, 2
        """
    )
    held_by = {(row["hub_id"], row["sku_id"]): row["quantity"] for row in held}
    for row in await pg_connection.fetch("SELECT * FROM inventory"):
        assert row["quantity_reserved"] == held_by.get((row["hub_id"], row["sku_id"]), 0)
    await assert_ledger_is_a_valid_history(pg_connection)


async def test_the_same_reference_sent_concurrently_reserves_once(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    # Stock for exactly one reservation: the losers wait on the winner's locks, then see no
    # stock left — and must still answer with the winner's reservation, not a shortage.
    await stock(stub, catalog, catalog.hub, catalog.sku(0), 2)
    await stock(stub, catalog, catalog.hub, catalog.sku(1), 1)
    lines = [(catalog.hub, catalog.sku(0), 2), (catalog.hub, catalog.sku(1), 1)]
    replies = await asyncio.gather(
        *(stub.ReserveInventory(reserve(catalog, "the-order", lines)) for _ in range(30))
    )
    assert {reply.outcome for reply in replies} == {RESERVED}
    assert len({reply.reservation.create_time.ToNanoseconds() for reply in replies}) == 1
    rows = await pg_connection.fetch("SELECT sku_id, quantity_reserved FROM inventory")
    assert {row["sku_id"]: row["quantity_reserved"] for row in rows} == {
        catalog.sku_ids[0]: 2,
        catalog.sku_ids[1]: 1,
    }
    assert await pg_connection.fetchval("SELECT count(*) FROM inventory_transactions") == 4
    await assert_ledger_is_a_valid_history(pg_connection)


async def test_stock_added_while_a_reservation_waits_on_the_row_is_seen(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    """Regression: the reservation's snapshot predates the restock it waits for. The verdict
    reads the latest row (FOR UPDATE), and so must the write and its CHECK constraints (a plain
    UPDATE would check them on the snapshot's row, 10 on hand / 9 reserved + 3, and fail)."""
    await stock(stub, catalog, catalog.hub, catalog.sku(), 10)
    await stub.ReserveInventory(reserve(catalog, "first", [(catalog.hub, catalog.sku(), 9)]))
    restock = pg_connection.transaction()
    await restock.start()
    await pg_connection.execute(
        "UPDATE inventory SET quantity_on_hand = quantity_on_hand + 5 WHERE sku_id = $1",
        catalog.sku_ids[0],
    )
    waiting = asyncio.ensure_future(
        stub.ReserveInventory(reserve(catalog, "second", [(catalog.hub, catalog.sku(), 3)]))
    )
    await wait_for_lock_waiters(pg_connection)
    await restock.commit()
    reply = await waiting
    assert reply.outcome == RESERVED
    row = await pg_connection.fetchrow(
        "SELECT quantity_on_hand, quantity_reserved FROM inventory WHERE sku_id = $1",
        catalog.sku_ids[0],
    )
    assert tuple(row) == (15, 12)
