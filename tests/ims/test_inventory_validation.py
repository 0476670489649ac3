"""Bad input to every InventoryService RPC: INVALID_ARGUMENT naming the offending fields."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import grpc
import pytest
from google.protobuf.duration_pb2 import Duration
from google.protobuf.timestamp_pb2 import Timestamp
from ims.v1 import inventory_pb2 as pb
from ims.v1 import inventory_pb2_grpc

from common.grpc.errors import field_violations

ID = str(uuid.uuid4())
LONG_REFERENCE = "r" * 201


@pytest.fixture
def stub(ims_channel: grpc.aio.Channel) -> inventory_pb2_grpc.InventoryServiceStub:
    return inventory_pb2_grpc.InventoryServiceStub(ims_channel)


async def check(call: Callable[[Any], Awaitable[Any]], cases: list[tuple[Any, set[str]]]) -> None:
    for request, fields in cases:
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await call(request)
        assert raised.value.code() == grpc.StatusCode.INVALID_ARGUMENT, request
        assert {v.field for v in field_violations(raised.value)} == fields, request


def line(hub: str = ID, sku: str = ID, quantity: int = 1) -> pb.ReservationLine:
    return pb.ReservationLine(hub_id=hub, sku_id=sku, quantity=quantity)


async def test_upsert_inventory(stub: inventory_pb2_grpc.InventoryServiceStub) -> None:
    ok = {"tenant_id": ID, "hub_id": ID, "sku_id": ID}
    await check(
        stub.UpsertInventory,
        [
            (pb.UpsertInventoryRequest(), {"tenant_id", "hub_id", "sku_id", "change"}),
            (
                pb.UpsertInventoryRequest(
                    tenant_id="x", hub_id="1-2", sku_id="zz", set_quantity_on_hand=1
                ),
                {"tenant_id", "hub_id", "sku_id"},
            ),
            (pb.UpsertInventoryRequest(**ok), {"change"}),
            (pb.UpsertInventoryRequest(**ok, set_quantity_on_hand=-1), {"set_quantity_on_hand"}),
            (
                pb.UpsertInventoryRequest(**ok, set_quantity_on_hand=10**13),
                {"set_quantity_on_hand"},
            ),
            (pb.UpsertInventoryRequest(**ok, delta_quantity_on_hand=0), {"delta_quantity_on_hand"}),
            (
                pb.UpsertInventoryRequest(**ok, delta_quantity_on_hand=-(10**13)),
                {"delta_quantity_on_hand"},
            ),
            (
                pb.UpsertInventoryRequest(**ok, delta_quantity_on_hand=1, reason="x" * 501),
                {"reason"},
            ),
            (
                pb.UpsertInventoryRequest(**ok, delta_quantity_on_hand=1, reference=LONG_REFERENCE),
                {"reference"},
            ),
            (
                pb.UpsertInventoryRequest(**ok, delta_quantity_on_hand=1, reference="po\n1"),
                {"reference"},
            ),
        ],
    )


async def test_get_inventory(stub: inventory_pb2_grpc.InventoryServiceStub) -> None:
    await check(
        stub.GetInventory,
        [
            (pb.GetInventoryRequest(), {"tenant_id", "hub_id", "sku_ids"}),
            (pb.GetInventoryRequest(tenant_id=ID, hub_id=ID), {"sku_ids"}),
            (pb.GetInventoryRequest(tenant_id=ID, hub_id=ID, sku_ids=[ID] * 1001), {"sku_ids"}),
            (
                pb.GetInventoryRequest(tenant_id=ID, hub_id="hub", sku_ids=[ID, "nope", ""]),
                {"hub_id", "sku_ids[1]", "sku_ids[2]"},
            ),
        ],
    )


async def test_list_inventory_transactions(stub: inventory_pb2_grpc.InventoryServiceStub) -> None:
    early, late = Timestamp(seconds=1_700_000_000), Timestamp(seconds=1_600_000_000)
    await check(
        stub.ListInventoryTransactions,
        [
            (pb.ListInventoryTransactionsRequest(), {"tenant_id"}),
            (
                pb.ListInventoryTransactionsRequest(tenant_id=ID, hub_id="h", sku_id="s"),
                {"hub_id", "sku_id"},
            ),
            (
                pb.ListInventoryTransactionsRequest(tenant_id=ID, reference=LONG_REFERENCE),
                {"reference"},
            ),
            (
                pb.ListInventoryTransactionsRequest(tenant_id=ID, start_time=early, end_time=late),
                {"end_time"},
            ),
            (pb.ListInventoryTransactionsRequest(tenant_id=ID, page_size=-1), {"page_size"}),
            (pb.ListInventoryTransactionsRequest(tenant_id=ID, page_token="%%%"), {"page_token"}),
        ],
    )


async def test_reserve_inventory(stub: inventory_pb2_grpc.InventoryServiceStub) -> None:
    def request(**fields: Any) -> pb.ReserveInventoryRequest:
        values: dict[str, Any] = {"tenant_id": ID, "reference": "order-1", "lines": [line()]}
        values.update(fields)
        return pb.ReserveInventoryRequest(**values)

    await check(
        stub.ReserveInventory,
        [
            (pb.ReserveInventoryRequest(), {"tenant_id", "reference", "lines"}),
            (request(tenant_id="t"), {"tenant_id"}),
            (request(reference=""), {"reference"}),
            (request(reference="   "), {"reference"}),
            (request(reference=LONG_REFERENCE), {"reference"}),
            (request(lines=[]), {"lines"}),
            (request(lines=[line()] * 101), {"lines"}),
            (
                request(lines=[line(quantity=0), line(quantity=-3), line(quantity=10**13)]),
                {"lines[0].quantity", "lines[1].quantity", "lines[2].quantity"},
            ),
            (
                request(lines=[line(hub="h"), line(sku=""), line()]),
                {"lines[0].hub_id", "lines[1].sku_id"},
            ),
            (request(lines=[line(quantity=6 * 10**11)] * 2), {"lines"}),  # merged sum too large
            (request(ttl=Duration(seconds=-1)), {"ttl"}),
            (request(ttl=Duration(seconds=400 * 86400)), {"ttl"}),
        ],
    )


async def test_release_and_commit_reservation(
    stub: inventory_pb2_grpc.InventoryServiceStub,
) -> None:
    cases: list[tuple[Any, set[str]]] = [
        ({}, {"tenant_id", "reference"}),
        ({"tenant_id": "t", "reference": "r"}, {"tenant_id"}),
        ({"tenant_id": ID, "reference": LONG_REFERENCE}, {"reference"}),
    ]
    await check(
        stub.ReleaseReservation,
        [(pb.ReleaseReservationRequest(**fields), names) for fields, names in cases],
    )
    await check(
        stub.CommitReservation,
        [(pb.CommitReservationRequest(**fields), names) for fields, names in cases],
    )
