"""OrderService.ListOrders: filters, newest-first keyset pages, filter-bound tokens."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp
from oms.v1 import order_pb2, order_pb2_grpc

from common.clients.mongo import MongoStore
from common.timestamps import to_timestamp
from oms_grpc.core.repositories.order_documents import to_document
from oms_grpc.core.repositories.orders import OrderRepository
from tests.ims.catalog_support import rpc_error, violated_fields
from tests.oms.test_orders_helpers import create_request, orders_stub
from tests.support.ims_catalog import ImsCatalog
from tests.support.orders import new_order

TENANT = str(uuid.uuid4())
OTHER_TENANT = str(uuid.uuid4())
SELLER_1, SELLER_2 = str(uuid.uuid4()), str(uuid.uuid4())
T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
STATUSES = ["on_hold", "new_order", "cancelled"]
HALF_MS = 0.5 / 60_000  # in minutes


@pytest.fixture
async def stored(mongo_store: MongoStore) -> list[dict[str, Any]]:
    """14 orders of TENANT (two sellers, three statuses, some created in the same
    millisecond) and 3 of OTHER_TENANT; returned newest first, as ListOrders sorts."""
    repository = OrderRepository(mongo_store.db["orders"])
    await repository.ensure_indexes()
    documents = []
    for n in range(14):
        order = new_order(
            tenant_id=TENANT,
            seller_id=SELLER_1 if n % 2 == 0 else SELLER_2,
            hub_id=str(uuid.uuid4()),
            lines=[(str(uuid.uuid4()), f"sku-{n}", n + 1)],
            now=T0 + timedelta(minutes=n // 2),  # pairs share a create_time
        )
        document = to_document(order)
        document["status"] = STATUSES[n % 3]
        documents.append(document)
    for n in range(3):
        order = new_order(
            tenant_id=OTHER_TENANT,
            seller_id=SELLER_1,
            hub_id=str(uuid.uuid4()),
            lines=[(str(uuid.uuid4()), "x", 1)],
            now=T0 + timedelta(minutes=n),
        )
        documents.append(to_document(order))
    outcome = await repository.insert_many(documents)
    assert outcome.inserted == 17
    ours = [d for d in documents if d["tenant_id"] == TENANT]
    return sorted(ours, key=lambda d: (d["create_time"], d["_id"]), reverse=True)


async def _all_pages(
    orders: order_pb2_grpc.OrderServiceStub, request: order_pb2.ListOrdersRequest
) -> tuple[list[str], int]:
    """Every id, page by page; and the number of pages."""
    ids: list[str] = []
    pages = 0
    while True:
        reply = await orders.ListOrders(request)
        pages += 1
        ids += [order.id for order in reply.orders]
        assert len(reply.orders) <= (request.page_size or 50)
        if not reply.next_page_token:
            return ids, pages
        request.page_token = reply.next_page_token


def _at(minutes: float) -> Timestamp:
    return to_timestamp(T0 + timedelta(minutes=minutes))


async def test_pages_walk_every_order_newest_first(
    oms_channel: grpc.aio.Channel, stored: list[dict[str, Any]]
) -> None:
    orders = orders_stub(oms_channel)
    ids, pages = await _all_pages(
        orders, order_pb2.ListOrdersRequest(tenant_id=TENANT, page_size=4)
    )
    assert ids == [d["_id"] for d in stored]
    assert pages == 4

    whole = await orders.ListOrders(order_pb2.ListOrdersRequest(tenant_id=TENANT))
    assert [o.id for o in whole.orders] == ids and whole.next_page_token == ""
    capped = await orders.ListOrders(order_pb2.ListOrdersRequest(tenant_id=TENANT, page_size=5000))
    assert len(capped.orders) == 14


@pytest.mark.parametrize(
    ("filters", "keep"),
    [
        ({"seller_id": SELLER_1}, lambda d: d["seller_id"] == SELLER_1),
        ({"status": order_pb2.ORDER_STATUS_NEW_ORDER}, lambda d: d["status"] == "new_order"),
        (
            {"seller_id": SELLER_2, "status": order_pb2.ORDER_STATUS_CANCELLED},
            lambda d: d["seller_id"] == SELLER_2 and d["status"] == "cancelled",
        ),
        # from is inclusive, to exclusive
        (
            {"from_time": _at(2), "to_time": _at(5)},
            lambda d: T0 + timedelta(minutes=2) <= d["create_time"] < T0 + timedelta(minutes=5),
        ),
        ({"from_time": _at(6)}, lambda d: d["create_time"] >= T0 + timedelta(minutes=6)),
        ({"to_time": _at(1)}, lambda d: d["create_time"] < T0 + timedelta(minutes=1)),
        ({"from_time": _at(3), "to_time": _at(3)}, lambda d: False),
        # sub-millisecond bounds (orders are stored to the millisecond)
        ({"from_time": _at(2 + HALF_MS)}, lambda d: d["create_time"] > T0 + timedelta(minutes=2)),
        ({"to_time": _at(2 + HALF_MS)}, lambda d: d["create_time"] <= T0 + timedelta(minutes=2)),
    ],
)
async def test_filters_narrow_the_list_across_pages(
    oms_channel: grpc.aio.Channel,
    stored: list[dict[str, Any]],
    filters: dict[str, Any],
    keep: Any,
) -> None:
    request = order_pb2.ListOrdersRequest(tenant_id=TENANT, page_size=2, **filters)
    ids, _ = await _all_pages(orders_stub(oms_channel), request)
    assert ids == [d["_id"] for d in stored if keep(d)]


async def test_tokens_continue_only_the_query_that_made_them(
    oms_channel: grpc.aio.Channel, stored: list[dict[str, Any]]
) -> None:
    orders = orders_stub(oms_channel)
    first = await orders.ListOrders(
        order_pb2.ListOrdersRequest(tenant_id=TENANT, seller_id=SELLER_1, page_size=2)
    )
    token = first.next_page_token
    assert token

    # A different page size may continue it.
    more = await orders.ListOrders(
        order_pb2.ListOrdersRequest(
            tenant_id=TENANT, seller_id=SELLER_1, page_size=3, page_token=token
        )
    )
    assert [o.id for o in more.orders] == [d["_id"] for d in stored if d["seller_id"] == SELLER_1][
        2:5
    ]

    for changed in (
        {"seller_id": SELLER_2},
        {"seller_id": SELLER_1, "status": order_pb2.ORDER_STATUS_ON_HOLD},
        {"seller_id": SELLER_1, "from_time": _at(0)},
    ):
        error = await rpc_error(
            orders.ListOrders(
                order_pb2.ListOrdersRequest(tenant_id=TENANT, page_token=token, **changed)
            ),
            grpc.StatusCode.INVALID_ARGUMENT,
        )
        assert violated_fields(error) == {"page_token"}
    # Another tenant cannot continue it either.
    error = await rpc_error(
        orders.ListOrders(
            order_pb2.ListOrdersRequest(
                tenant_id=OTHER_TENANT, seller_id=SELLER_1, page_token=token
            )
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert violated_fields(error) == {"page_token"}

    for malformed in ("garbage!", "eyJhIjpbXSwiZiI6IngifQ", token[:-3]):
        error = await rpc_error(
            orders.ListOrders(
                order_pb2.ListOrdersRequest(
                    tenant_id=TENANT, seller_id=SELLER_1, page_token=malformed
                )
            ),
            grpc.StatusCode.INVALID_ARGUMENT,
        )
        assert violated_fields(error) == {"page_token"}


async def test_bad_list_requests_name_their_fields(oms_channel: grpc.aio.Channel) -> None:
    orders = orders_stub(oms_channel)
    error = await rpc_error(
        orders.ListOrders(
            order_pb2.ListOrdersRequest(
                seller_id="seller-1",
                status=9,  # type: ignore[arg-type]
                from_time=_at(10),
                to_time=_at(5),
                page_size=-1,
            )
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert violated_fields(error) == {"tenant_id", "seller_id", "status", "from_time", "page_size"}
    error = await rpc_error(
        orders.ListOrders(
            order_pb2.ListOrdersRequest(tenant_id=TENANT, from_time=Timestamp(seconds=-(10**12)))
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert violated_fields(error) == {"from_time"}


async def test_each_tenant_lists_only_its_own_orders(
    oms_channel: grpc.aio.Channel,
    ims_channel: grpc.aio.Channel,
    stored: list[dict[str, Any]],
) -> None:
    orders = orders_stub(oms_channel)
    theirs = await orders.ListOrders(order_pb2.ListOrdersRequest(tenant_id=OTHER_TENANT))
    assert len(theirs.orders) == 3
    assert {o.tenant_id for o in theirs.orders} == {OTHER_TENANT}
    nobody = await orders.ListOrders(order_pb2.ListOrdersRequest(tenant_id=str(uuid.uuid4())))
    assert list(nobody.orders) == [] and nobody.next_page_token == ""

    # An order made through the API is listed with exactly what Create and Get return.
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    created = (await orders.CreateOrder(create_request(catalog, 1))).order
    listed = await orders.ListOrders(order_pb2.ListOrdersRequest(tenant_id=catalog.tenant_id))
    assert list(listed.orders) == [created]
