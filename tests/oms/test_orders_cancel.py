"""OrderService.CancelOrder: releases the IMS reservation first, then CANCELLED + event."""

from __future__ import annotations

import asyncio
import uuid

import grpc
import pytest
from ims.v1 import inventory_pb2
from oms.v1 import order_pb2

from common.clients.mongo import MongoStore
from common.settings import KafkaSettings
from common.timestamps import utc_now_ms
from oms_grpc.core.repositories.orders import OrderRepository
from tests.ims.catalog_support import error_reason, rpc_error, violated_fields
from tests.oms.test_orders_helpers import (
    create_request,
    orders_stub,
    read_events,
    updated_events,
)
from tests.support.ims_catalog import ImsCatalog, SellerCatalog


@pytest.fixture
async def ims(ims_channel: grpc.aio.Channel) -> ImsCatalog:
    return ImsCatalog(ims_channel)


@pytest.fixture
async def catalog(ims: ImsCatalog) -> SellerCatalog:
    catalog = await ims.seller_catalog(skus=2)
    for index in range(2):
        await ims.set_stock(catalog.tenant_id, catalog.hub_id, catalog.sku_id(index), 10)
    return catalog


@pytest.fixture
def repository(mongo_store: MongoStore) -> OrderRepository:
    return OrderRepository(mongo_store.db["orders"])


def _cancel(
    catalog: SellerCatalog, order_id: str, reason: str = ""
) -> order_pb2.CancelOrderRequest:
    return order_pb2.CancelOrderRequest(tenant_id=catalog.tenant_id, id=order_id, reason=reason)


async def _reserve(ims: ImsCatalog, catalog: SellerCatalog, order: order_pb2.Order) -> None:
    """As the order finalizer does: reserve the order's lines under its id."""
    await ims.reserve(
        catalog.tenant_id,
        order.id,
        [(order.hub_id, line.sku_id, line.quantity) for line in order.lines],
    )


async def test_cancel_on_hold_order_records_reason_and_emits_updated(
    oms_channel: grpc.aio.Channel, catalog: SellerCatalog, kafka_settings: KafkaSettings
) -> None:
    orders = orders_stub(oms_channel)
    created = (await orders.CreateOrder(create_request(catalog, 2))).order
    cancelled = (await orders.CancelOrder(_cancel(catalog, created.id, "customer asked"))).order

    assert cancelled.id == created.id
    assert cancelled.status == order_pb2.ORDER_STATUS_CANCELLED
    assert [(c.status, c.reason) for c in cancelled.status_history] == [
        (order_pb2.ORDER_STATUS_ON_HOLD, "created"),
        (order_pb2.ORDER_STATUS_CANCELLED, "customer asked"),
    ]
    assert cancelled.update_time.ToDatetime() >= created.update_time.ToDatetime()
    fetched = await orders.GetOrder(
        order_pb2.GetOrderRequest(tenant_id=catalog.tenant_id, id=created.id)
    )
    assert fetched.order == cancelled

    messages = await read_events(kafka_settings, kafka_settings.topic_order_updated, 1)
    [event] = updated_events(messages)
    assert messages[0].key == created.id.encode()
    assert event.previous_status == order_pb2.ORDER_STATUS_ON_HOLD
    assert event.order == cancelled


async def test_cancel_new_order_releases_its_reservation(
    oms_channel: grpc.aio.Channel,
    ims: ImsCatalog,
    catalog: SellerCatalog,
    repository: OrderRepository,
    kafka_settings: KafkaSettings,
) -> None:
    orders = orders_stub(oms_channel)
    created = (await orders.CreateOrder(create_request(catalog, 3, 4))).order
    await _reserve(ims, catalog, created)
    stored = await repository.get(catalog.tenant_id, created.id)
    assert stored is not None
    await repository.apply(
        stored.mark_reserved(utc_now_ms()), topic=kafka_settings.topic_order_updated, trace_id=None
    )
    level = await ims.level(catalog.tenant_id, catalog.hub_id, catalog.sku_id(0))
    assert (level.quantity_reserved, level.quantity_available) == (3, 7)

    cancelled = (await orders.CancelOrder(_cancel(catalog, created.id))).order
    assert cancelled.status == order_pb2.ORDER_STATUS_CANCELLED
    assert cancelled.status_history[-1].reason == "cancelled"
    for index in range(2):
        level = await ims.level(catalog.tenant_id, catalog.hub_id, catalog.sku_id(index))
        assert (level.quantity_on_hand, level.quantity_reserved) == (10, 0)

    messages = await read_events(kafka_settings, kafka_settings.topic_order_updated, 2)
    events = updated_events(messages)
    assert [(e.previous_status, e.order.status) for e in events] == [
        (order_pb2.ORDER_STATUS_ON_HOLD, order_pb2.ORDER_STATUS_NEW_ORDER),
        (order_pb2.ORDER_STATUS_NEW_ORDER, order_pb2.ORDER_STATUS_CANCELLED),
    ]
    assert events[-1].order == cancelled


async def test_cancel_on_hold_order_releases_a_reservation_left_by_a_crash(
    oms_channel: grpc.aio.Channel, ims: ImsCatalog, catalog: SellerCatalog
) -> None:
    """A finalizer that reserved and crashed before recording NEW_ORDER leaves stock held."""
    orders = orders_stub(oms_channel)
    created = (await orders.CreateOrder(create_request(catalog, 5))).order
    await _reserve(ims, catalog, created)

    await orders.CancelOrder(_cancel(catalog, created.id))
    level = await ims.level(catalog.tenant_id, catalog.hub_id, catalog.sku_id(0))
    assert (level.quantity_reserved, level.quantity_available) == (0, 10)


async def test_cancelling_twice_returns_the_cancelled_order_without_another_event(
    oms_channel: grpc.aio.Channel, catalog: SellerCatalog, kafka_settings: KafkaSettings
) -> None:
    orders = orders_stub(oms_channel)
    created = (await orders.CreateOrder(create_request(catalog, 1))).order
    first = (await orders.CancelOrder(_cancel(catalog, created.id, "first"))).order
    second = (await orders.CancelOrder(_cancel(catalog, created.id, "second"))).order
    assert second == first

    # Concurrent cancels of one order: one transition, every caller gets the cancelled order.
    racing = (await orders.CreateOrder(create_request(catalog, 1))).order
    replies = await asyncio.gather(
        *(orders.CancelOrder(_cancel(catalog, racing.id)) for _ in range(8))
    )
    assert {reply.order.status for reply in replies} == {order_pb2.ORDER_STATUS_CANCELLED}
    assert len({reply.order.update_time.ToNanoseconds() for reply in replies}) == 1

    messages = await read_events(kafka_settings, kafka_settings.topic_order_updated, 2)
    assert sorted(e.order.id for e in updated_events(messages)) == sorted([created.id, racing.id])


async def test_an_order_whose_stock_was_consumed_cannot_be_cancelled(
    oms_channel: grpc.aio.Channel,
    ims: ImsCatalog,
    catalog: SellerCatalog,
    repository: OrderRepository,
) -> None:
    orders = orders_stub(oms_channel)
    created = (await orders.CreateOrder(create_request(catalog, 2))).order
    await _reserve(ims, catalog, created)
    await ims.inventory.CommitReservation(
        inventory_pb2.CommitReservationRequest(tenant_id=catalog.tenant_id, reference=created.id)
    )

    error = await rpc_error(
        orders.CancelOrder(_cancel(catalog, created.id)), grpc.StatusCode.FAILED_PRECONDITION
    )
    assert error_reason(error) == "RESERVATION_COMMITTED"
    stored = await repository.get(catalog.tenant_id, created.id)
    assert stored is not None and stored.status == "on_hold"


async def test_cancel_is_tenant_scoped_and_validated(
    oms_channel: grpc.aio.Channel, ims: ImsCatalog, catalog: SellerCatalog
) -> None:
    orders = orders_stub(oms_channel)
    created = (await orders.CreateOrder(create_request(catalog, 1))).order
    other_tenant = await ims.tenant()

    await rpc_error(
        orders.CancelOrder(order_pb2.CancelOrderRequest(tenant_id=other_tenant, id=created.id)),
        grpc.StatusCode.NOT_FOUND,
    )
    await rpc_error(
        orders.CancelOrder(_cancel(catalog, str(uuid.uuid4()))), grpc.StatusCode.NOT_FOUND
    )
    error = await rpc_error(
        orders.CancelOrder(order_pb2.CancelOrderRequest(tenant_id="nope", id="", reason="r" * 501)),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert violated_fields(error) == {"tenant_id", "id", "reason"}

    still = await orders.GetOrder(
        order_pb2.GetOrderRequest(tenant_id=catalog.tenant_id, id=created.id)
    )
    assert still.order.status == order_pb2.ORDER_STATUS_ON_HOLD
