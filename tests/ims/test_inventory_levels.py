"""UpsertInventory and GetInventory against the real IMS composition root and PostgreSQL."""

from __future__ import annotations

import asyncio
import itertools
import uuid

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

SET = inventory_pb2.INVENTORY_TRANSACTION_TYPE_SET
ADJUST = inventory_pb2.INVENTORY_TRANSACTION_TYPE_ADJUST


@pytest.fixture
def stub(ims_channel: grpc.aio.Channel) -> inventory_pb2_grpc.InventoryServiceStub:
    return inventory_pb2_grpc.InventoryServiceStub(ims_channel)


@pytest.fixture
async def catalog(ims_channel: grpc.aio.Channel, pg_connection: asyncpg.Connection) -> Catalog:
    return await create_catalog(pg_connection, skus=3)


def upsert(
    catalog: Catalog,
    *,
    sku: int = 0,
    set_to: int | None = None,
    delta: int | None = None,
    reference: str = "",
    reason: str = "",
) -> inventory_pb2.UpsertInventoryRequest:
    request = inventory_pb2.UpsertInventoryRequest(
        tenant_id=catalog.tenant,
        hub_id=catalog.hub,
        sku_id=catalog.sku(sku),
        reference=reference,
        reason=reason,
    )
    if set_to is not None:
        request.set_quantity_on_hand = set_to
    if delta is not None:
        request.delta_quantity_on_hand = delta
    return request


async def ledger_count(conn: asyncpg.Connection) -> int:
    return int(await conn.fetchval("SELECT count(*) FROM inventory_transactions"))


async def test_set_then_delta_round_trip_with_ledger_rows(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    first = await stub.UpsertInventory(
        upsert(catalog, set_to=10, reference="count-1", reason="cycle count")
    )
    assert (first.level.quantity_on_hand, first.level.quantity_reserved) == (10, 0)
    assert first.level.quantity_available == 10
    assert first.level.HasField("update_time")
    entry = first.transaction
    assert (entry.type, entry.delta_on_hand, entry.delta_reserved) == (SET, 10, 0)
    assert (entry.quantity_on_hand_after, entry.quantity_reserved_after) == (10, 0)
    assert (entry.reason, entry.reference) == ("cycle count", "count-1")
    assert uuid.UUID(entry.id).version == 7

    second = await stub.UpsertInventory(upsert(catalog, delta=-4, reference="damaged-1"))
    assert second.level.quantity_on_hand == 6
    assert (second.transaction.type, second.transaction.delta_on_hand) == (ADJUST, -4)

    third = await stub.UpsertInventory(upsert(catalog, set_to=20))
    assert third.transaction.delta_on_hand == 14  # a SET records the change it made
    assert third.transaction.reference  # generated when absent
    assert third.transaction.reference != second.transaction.reference

    got = await stub.GetInventory(
        inventory_pb2.GetInventoryRequest(
            tenant_id=catalog.tenant, hub_id=catalog.hub, sku_ids=[catalog.sku(0)]
        )
    )
    assert got.levels[0].quantity_on_hand == 20
    assert await ledger_count(pg_connection) == 3
    assert await ledger_mismatches(pg_connection) == []


async def test_a_replayed_reference_returns_the_original_result_and_writes_nothing(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    original = await stub.UpsertInventory(upsert(catalog, delta=5, reference="po-7"))
    await stub.UpsertInventory(upsert(catalog, delta=1, reference="po-8"))
    replay = await stub.UpsertInventory(upsert(catalog, delta=5, reference="po-7"))
    assert replay.transaction == original.transaction
    assert replay.level.quantity_on_hand == original.level.quantity_on_hand == 5
    # The same reference on another SKU is another movement.
    other = await stub.UpsertInventory(upsert(catalog, sku=1, delta=5, reference="po-7"))
    assert other.transaction.id != original.transaction.id
    assert await ledger_count(pg_connection) == 3
    level = await pg_connection.fetchval(
        "SELECT quantity_on_hand FROM inventory WHERE sku_id = $1", catalog.sku_ids[0]
    )
    assert level == 6


async def test_concurrent_replays_of_one_reference_apply_once(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    await stub.UpsertInventory(upsert(catalog, set_to=1))  # the row exists: replays race on it
    replies = await asyncio.gather(
        *(stub.UpsertInventory(upsert(catalog, delta=3, reference="same")) for _ in range(20))
    )
    assert len({reply.transaction.id for reply in replies}) == 1
    assert {reply.level.quantity_on_hand for reply in replies} == {4}
    # And on a (hub, SKU) never stocked, where the first writers race to create the row.
    replies = await asyncio.gather(
        *(
            stub.UpsertInventory(upsert(catalog, sku=2, set_to=9, reference="new"))
            for _ in range(20)
        )
    )
    assert len({reply.transaction.id for reply in replies}) == 1
    assert await ledger_count(pg_connection) == 3
    assert await ledger_mismatches(pg_connection) == []


async def test_concurrent_deltas_never_lose_an_update(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    # Starting from a (hub, SKU) never stocked: the first calls race to create the row.
    replies = await asyncio.gather(
        *(stub.UpsertInventory(upsert(catalog, delta=1)) for _ in range(50))
    )
    assert sorted(reply.level.quantity_on_hand for reply in replies) == list(range(1, 51))
    row = await pg_connection.fetchrow(
        "SELECT quantity_on_hand, quantity_reserved FROM inventory WHERE sku_id = $1",
        catalog.sku_ids[0],
    )
    assert tuple(row) == (50, 0)
    assert await ledger_count(pg_connection) == 50
    assert await ledger_mismatches(pg_connection) == []


async def test_negative_stock_is_refused_and_nothing_is_written(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await stub.UpsertInventory(upsert(catalog, delta=-1))  # never stocked: 0 - 1
    assert raised.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert await pg_connection.fetchval("SELECT count(*) FROM inventory") == 0

    await stub.UpsertInventory(upsert(catalog, set_to=3))
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await stub.UpsertInventory(upsert(catalog, delta=-4, reference="too-many"))
    assert raised.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert "negative" in (raised.value.details() or "")
    assert await ledger_count(pg_connection) == 1
    # The refused reference was not consumed: it can be used once the stock is there.
    await stub.UpsertInventory(upsert(catalog, delta=2))
    reply = await stub.UpsertInventory(upsert(catalog, delta=-4, reference="too-many"))
    assert reply.level.quantity_on_hand == 1


async def test_on_hand_cannot_go_below_the_reserved_quantity(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    await stub.UpsertInventory(upsert(catalog, set_to=10))
    reserved = await stub.ReserveInventory(
        inventory_pb2.ReserveInventoryRequest(
            tenant_id=catalog.tenant,
            reference="order-1",
            lines=[
                inventory_pb2.ReservationLine(hub_id=catalog.hub, sku_id=catalog.sku(), quantity=7)
            ],
        )
    )
    assert reserved.outcome == inventory_pb2.RESERVE_OUTCOME_RESERVED
    for request in (upsert(catalog, set_to=6), upsert(catalog, delta=-4)):
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await stub.UpsertInventory(request)
        assert raised.value.code() == grpc.StatusCode.FAILED_PRECONDITION
        assert "7 units reserved" in (raised.value.details() or "")
    reply = await stub.UpsertInventory(upsert(catalog, set_to=7))
    assert (reply.level.quantity_on_hand, reply.level.quantity_available) == (7, 0)
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
    cases = [
        (catalog.hub, unknown, "sku_id"),
        (unknown, catalog.sku(), "hub_id"),
        (other.hub, catalog.sku(), "hub_id"),  # another tenant's hub
        (catalog.hub, other.sku(), "sku_id"),  # another tenant's SKU
    ]
    for (hub, sku, named), delta in itertools.product(cases, (1, -1)):
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await stub.UpsertInventory(
                inventory_pb2.UpsertInventoryRequest(
                    tenant_id=catalog.tenant, hub_id=hub, sku_id=sku, delta_quantity_on_hand=delta
                )
            )
        assert raised.value.code() == grpc.StatusCode.NOT_FOUND
        assert named in (raised.value.details() or "")
    # Another tenant's stock row (other.hub, other.sku) exists: still not this tenant's.
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await stub.UpsertInventory(
            inventory_pb2.UpsertInventoryRequest(
                tenant_id=catalog.tenant,
                hub_id=other.hub,
                sku_id=other.sku(),
                set_quantity_on_hand=1,
            )
        )
    assert raised.value.code() == grpc.StatusCode.NOT_FOUND
    assert await pg_connection.fetchval("SELECT quantity_on_hand FROM inventory") == 5


async def test_get_returns_one_level_per_sku_in_request_order_with_zeros(
    stub: inventory_pb2_grpc.InventoryServiceStub, catalog: Catalog
) -> None:
    await stub.UpsertInventory(upsert(catalog, sku=1, set_to=8))
    requested = [catalog.sku(2), catalog.sku(1), catalog.sku(0), catalog.sku(2)]
    reply = await stub.GetInventory(
        inventory_pb2.GetInventoryRequest(
            tenant_id=catalog.tenant, hub_id=catalog.hub, sku_ids=requested
        )
    )
    assert [level.sku_id for level in reply.levels] == requested[:3]  # repeats dropped
    never, stocked, _ = reply.levels
    assert (never.quantity_on_hand, never.quantity_reserved, never.quantity_available) == (0, 0, 0)
    assert not never.HasField("update_time")
    assert (never.tenant_id, never.hub_id) == (catalog.tenant, catalog.hub)
    assert (stocked.quantity_on_hand, stocked.quantity_available) == (8, 8)
    assert stocked.HasField("update_time")


async def test_get_names_unknown_hub_and_skus(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    other = await create_catalog(pg_connection, skus=1)
    unknown = str(uuid.uuid4())
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await stub.GetInventory(
            inventory_pb2.GetInventoryRequest(
                tenant_id=catalog.tenant,
                hub_id=catalog.hub,
                sku_ids=[catalog.sku(), unknown, other.sku()],
            )
        )
    assert raised.value.code() == grpc.StatusCode.NOT_FOUND
    details = raised.value.details() or ""
    assert unknown in details and other.sku() in details and catalog.sku() not in details

    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await stub.GetInventory(
            inventory_pb2.GetInventoryRequest(
                tenant_id=catalog.tenant, hub_id=other.hub, sku_ids=[catalog.sku()]
            )
        )
    assert raised.value.code() == grpc.StatusCode.NOT_FOUND
    assert f"hub_id {other.hub}" in (raised.value.details() or "")


async def test_a_change_valid_only_after_a_concurrent_release_is_applied(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    """Regression: the upsert waits on the row while a release commits. Its result is checked
    against the row it waited for (reserved 0), not the one in its snapshot (reserved 8)."""
    await stub.UpsertInventory(upsert(catalog, set_to=10))
    await stub.ReserveInventory(
        inventory_pb2.ReserveInventoryRequest(
            tenant_id=catalog.tenant,
            reference="order-1",
            lines=[
                inventory_pb2.ReservationLine(hub_id=catalog.hub, sku_id=catalog.sku(), quantity=8)
            ],
        )
    )
    release = pg_connection.transaction()
    await release.start()
    await pg_connection.execute(
        "UPDATE inventory SET quantity_reserved = 0 WHERE sku_id = $1", catalog.sku_ids[0]
    )
    waiting = asyncio.ensure_future(stub.UpsertInventory(upsert(catalog, set_to=5)))
    await wait_for_lock_waiters(pg_connection)
    await release.commit()
    reply = await waiting
    assert (reply.level.quantity_on_hand, reply.level.quantity_reserved) == (5, 0)
    assert reply.transaction.delta_on_hand == -5
