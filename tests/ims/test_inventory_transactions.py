"""ListInventoryTransactions: the ledger, newest first, filtered, in keyset pages."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta

import asyncpg
import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp
from ims.v1 import inventory_pb2, inventory_pb2_grpc

from common.grpc.errors import field_violations
from tests.support.catalog_rows import Catalog, create_catalog

T = inventory_pb2.InventoryTransaction


@pytest.fixture
def stub(ims_channel: grpc.aio.Channel) -> inventory_pb2_grpc.InventoryServiceStub:
    return inventory_pb2_grpc.InventoryServiceStub(ims_channel)


@pytest.fixture
async def catalog(ims_channel: grpc.aio.Channel, pg_connection: asyncpg.Connection) -> Catalog:
    return await create_catalog(pg_connection, hubs=2, skus=2)


async def adjust(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    reference: str,
    *,
    hub: int = 0,
    sku: int = 0,
) -> T:
    reply = await stub.UpsertInventory(
        inventory_pb2.UpsertInventoryRequest(
            tenant_id=catalog.tenant,
            hub_id=str(catalog.hub_ids[hub]),
            sku_id=catalog.sku(sku),
            delta_quantity_on_hand=1,
            reference=reference,
        )
    )
    return reply.transaction


async def list_all(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    request: inventory_pb2.ListInventoryTransactionsRequest,
) -> list[T]:
    found: list[T] = []
    while True:
        reply = await stub.ListInventoryTransactions(request)
        found.extend(reply.transactions)
        if not reply.next_page_token:
            return found
        request.page_token = reply.next_page_token


async def test_lists_newest_first_across_pages(
    stub: inventory_pb2_grpc.InventoryServiceStub, catalog: Catalog
) -> None:
    written = [await adjust(stub, catalog, f"ref-{n}", sku=n % 2) for n in range(7)]
    first = await stub.ListInventoryTransactions(
        inventory_pb2.ListInventoryTransactionsRequest(tenant_id=catalog.tenant, page_size=3)
    )
    assert len(first.transactions) == 3 and first.next_page_token
    everything = await list_all(
        stub, inventory_pb2.ListInventoryTransactionsRequest(tenant_id=catalog.tenant, page_size=3)
    )
    assert [t.id for t in everything] == [t.id for t in reversed(written)]
    assert everything[0] == written[-1]
    default_page = await stub.ListInventoryTransactions(
        inventory_pb2.ListInventoryTransactionsRequest(tenant_id=catalog.tenant)
    )
    assert len(default_page.transactions) == 7 and not default_page.next_page_token


async def test_filters_by_hub_sku_reference_and_time(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    pg_connection: asyncpg.Connection,
) -> None:
    a = await adjust(stub, catalog, "po-1", hub=0, sku=0)
    b = await adjust(stub, catalog, "po-1", hub=0, sku=1)
    c = await adjust(stub, catalog, "po-2", hub=1, sku=0)
    d = await adjust(stub, catalog, "po-3", hub=1, sku=1)
    other = await create_catalog(pg_connection, skus=1)
    await stub.UpsertInventory(
        inventory_pb2.UpsertInventoryRequest(
            tenant_id=other.tenant, hub_id=other.hub, sku_id=other.sku(), set_quantity_on_hand=1
        )
    )

    def ids(rows: list[T]) -> set[str]:
        return {row.id for row in rows}

    def request(**filters: object) -> inventory_pb2.ListInventoryTransactionsRequest:
        return inventory_pb2.ListInventoryTransactionsRequest(
            tenant_id=catalog.tenant, page_size=1, **filters
        )

    assert ids(await list_all(stub, request())) == ids([a, b, c, d])  # not the other tenant's
    assert ids(await list_all(stub, request(hub_id=catalog.hub))) == ids([a, b])
    assert ids(await list_all(stub, request(sku_id=catalog.sku(1)))) == ids([b, d])
    assert ids(await list_all(stub, request(hub_id=catalog.hub, sku_id=catalog.sku(1)))) == ids([b])
    assert ids(await list_all(stub, request(reference="po-1"))) == ids([a, b])
    start, end = Timestamp(), Timestamp()
    start.CopyFrom(b.create_time)
    end.CopyFrom(d.create_time)
    assert ids(await list_all(stub, request(start_time=start, end_time=end))) == ids([b, c])
    assert ids(await list_all(stub, request(start_time=start))) == ids([b, c, d])
    assert ids(await list_all(stub, request(end_time=start))) == ids([a])
    future = Timestamp()
    future.FromDatetime(datetime.now(UTC) + timedelta(days=1))
    assert await list_all(stub, request(start_time=future)) == []


async def test_page_tokens_are_bound_to_their_filters_and_checked(
    stub: inventory_pb2_grpc.InventoryServiceStub, catalog: Catalog
) -> None:
    for n in range(3):
        await adjust(stub, catalog, f"ref-{n}")
    page = await stub.ListInventoryTransactions(
        inventory_pb2.ListInventoryTransactionsRequest(tenant_id=catalog.tenant, page_size=1)
    )
    payload = json.loads(base64.urlsafe_b64decode(page.next_page_token + "=="))
    payload["a"] = ["yesterday", "not-a-uuid"]  # right filters, garbage position
    forged = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")
    bad_tokens = [
        "not a token!",
        "eyJhIjpbXSwiZiI6IngifQ",  # well-formed JSON, wrong fingerprint
        page.next_page_token + "x",
        forged,
    ]
    for token in bad_tokens:
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await stub.ListInventoryTransactions(
                inventory_pb2.ListInventoryTransactionsRequest(
                    tenant_id=catalog.tenant, page_size=1, page_token=token
                )
            )
        assert raised.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert {v.field for v in field_violations(raised.value)} == {"page_token"}
    with pytest.raises(grpc.aio.AioRpcError) as raised:  # same token, other filters
        await stub.ListInventoryTransactions(
            inventory_pb2.ListInventoryTransactionsRequest(
                tenant_id=catalog.tenant, hub_id=catalog.hub, page_token=page.next_page_token
            )
        )
    assert {v.field for v in field_violations(raised.value)} == {"page_token"}
    # The page size may change between pages (AIP-158).
    rest = await stub.ListInventoryTransactions(
        inventory_pb2.ListInventoryTransactionsRequest(
            tenant_id=catalog.tenant, page_size=10, page_token=page.next_page_token
        )
    )
    assert len(rest.transactions) == 2 and not rest.next_page_token
