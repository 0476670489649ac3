"""The finalizer under duplicates, replays, crashes, poison messages and an IMS outage: no
double reservation, no illegal transition, nothing blocks a partition."""

from __future__ import annotations

import grpc
from ims.v1 import inventory_pb2
from oms.v1 import events_pb2, order_pb2

from common.clients.kafka import KafkaProducer
from common.settings import KafkaSettings
from oms_grpc.main import OmsSettingsBundle
from tests.consumers.finalizer_support import (
    finalizer,
    finalizer_settings,
    has_shortage,
    is_new_order,
    ledger,
    wait_for_orders,
    with_ims,
)
from tests.oms.test_orders_helpers import create_request, orders_stub, read_events
from tests.support.ims_catalog import ImsCatalog, SellerCatalog

RESERVE = inventory_pb2.INVENTORY_TRANSACTION_TYPE_RESERVE


async def _catalog(ims: ImsCatalog, stock: int) -> SellerCatalog:
    catalog = await ims.seller_catalog(skus=1)
    await ims.set_stock(catalog.tenant_id, catalog.hub_id, catalog.sku_id(0), stock)
    return catalog


async def _republish(kafka: KafkaSettings, expected: int) -> int:
    """Every `order.created` event on the topic, published once more (a replay)."""
    messages = await read_events(kafka, kafka.topic_order_created, expected=expected)
    producer = await KafkaProducer.start(kafka)
    try:
        for message in messages:
            await producer.send(
                message.topic, message.value, key=message.key, headers=message.headers
            )
    finally:
        await producer.close()
    return len(messages)


async def test_duplicated_and_replayed_events_reserve_once_and_never_revive_a_cancelled_order(
    oms_settings: OmsSettingsBundle, oms_channel: grpc.aio.Channel, ims_channel: grpc.aio.Channel
) -> None:
    ims = ImsCatalog(ims_channel)
    c = await _catalog(ims, stock=10)
    orders = orders_stub(oms_channel)
    kept = (await orders.CreateOrder(create_request(c, 2))).order.id
    cancelled = (await orders.CreateOrder(create_request(c, 3))).order.id
    await orders.CancelOrder(order_pb2.CancelOrderRequest(tenant_id=c.tenant_id, id=cancelled))
    kafka = oms_settings.core.kafka

    async with finalizer(finalizer_settings(oms_settings)):
        await wait_for_orders(orders, c.tenant_id, [kept], is_new_order)
        assert await _republish(kafka, expected=2) == 2  # both events again, twice over
        assert await _republish(kafka, expected=4) == 4
        # The replays are consumed (the group's lag drains) before the checks below.
        await read_events(kafka, kafka.topic_order_updated, expected=3, settle_s=3)

    [order] = await wait_for_orders(orders, c.tenant_id, [kept], is_new_order)
    assert [s.status for s in order.status_history] == [
        order_pb2.ORDER_STATUS_ON_HOLD,
        order_pb2.ORDER_STATUS_NEW_ORDER,
    ]
    assert [r.type for r in await ledger(ims_channel, c.tenant_id, reference=kept)] == [RESERVE]
    gone = (
        await orders.GetOrder(order_pb2.GetOrderRequest(tenant_id=c.tenant_id, id=cancelled))
    ).order
    assert gone.status == order_pb2.ORDER_STATUS_CANCELLED
    assert await ledger(ims_channel, c.tenant_id, reference=cancelled) == []
    level = await ims.level(c.tenant_id, c.hub_id, c.sku_id(0))
    assert (level.quantity_on_hand, level.quantity_reserved) == (10, 2)
    updated = await read_events(kafka, kafka.topic_order_updated, expected=2)
    # One cancel, one finalization: replays emitted nothing more.
    statuses = sorted(events_pb2.OrderUpdated.FromString(m.value).order.status for m in updated)
    assert statuses == [order_pb2.ORDER_STATUS_NEW_ORDER, order_pb2.ORDER_STATUS_CANCELLED]


async def test_a_crash_between_reserving_and_recording_heals_on_redelivery(
    oms_settings: OmsSettingsBundle, oms_channel: grpc.aio.Channel, ims_channel: grpc.aio.Channel
) -> None:
    ims = ImsCatalog(ims_channel)
    c = await _catalog(ims, stock=5)
    orders = orders_stub(oms_channel)
    order_id = (await orders.CreateOrder(create_request(c, 4))).order.id
    # What a finalizer that died right after its ReserveInventory call leaves behind.
    await ims.reserve(c.tenant_id, order_id, [(c.hub_id, c.sku_id(0), 4)])

    async with finalizer(finalizer_settings(oms_settings)):
        await wait_for_orders(orders, c.tenant_id, [order_id], is_new_order)
    assert [r.type for r in await ledger(ims_channel, c.tenant_id, reference=order_id)] == [RESERVE]
    level = await ims.level(c.tenant_id, c.hub_id, c.sku_id(0))
    assert (level.quantity_on_hand, level.quantity_reserved) == (5, 4)


async def test_poison_messages_go_to_the_dead_letter_topic_and_do_not_block_the_partition(
    oms_settings: OmsSettingsBundle, oms_channel: grpc.aio.Channel, ims_channel: grpc.aio.Channel
) -> None:
    ims = ImsCatalog(ims_channel)
    c = await _catalog(ims, stock=5)
    kafka = oms_settings.core.kafka
    orders = orders_stub(oms_channel)
    producer = await KafkaProducer.start(kafka)
    try:
        # Same key as the order below, so the same partition: it must not wait behind them.
        await producer.send(kafka.topic_order_created, b"\xff not protobuf", key=b"k")
        await producer.send(
            kafka.topic_order_created, events_pb2.OrderCreated(event_id="x").SerializeToString()
        )
    finally:
        await producer.close()
    async with finalizer(finalizer_settings(oms_settings)):
        order_id = (await orders.CreateOrder(create_request(c, 1))).order.id
        await wait_for_orders(orders, c.tenant_id, [order_id], is_new_order)
        dead = await read_events(kafka, kafka.topic_dead_letter, expected=2)
    assert len(dead) == 2
    errors = sorted(m.headers["dead-letter-error"].decode() for m in dead)
    assert errors[0].startswith("PoisonMessageError: not a oms.v1.OrderCreated")
    assert "without tenant_id" in errors[1]
    assert {m.headers["source-topic"].decode() for m in dead} == {kafka.topic_order_created}
    assert dead[0].value in (
        b"\xff not protobuf",
        events_pb2.OrderCreated(event_id="x").SerializeToString(),
    )


async def test_ims_unavailable_is_retried_then_dead_lettered_and_the_order_stays_on_hold(
    oms_settings: OmsSettingsBundle, oms_channel: grpc.aio.Channel, ims_channel: grpc.aio.Channel
) -> None:
    ims = ImsCatalog(ims_channel)
    c = await _catalog(ims, stock=5)
    orders = orders_stub(oms_channel)
    order_id = (await orders.CreateOrder(create_request(c, 1))).order.id
    kafka = oms_settings.core.kafka
    # An outage is waited out for retry_outage_s (15 min by default), then set aside.
    down = with_ims(
        finalizer_settings(oms_settings, retry_attempts=3, retry_outage_s=1.0), "127.0.0.1:1"
    )
    async with finalizer(down):
        # The order's event, and the stock set above (its restock pass meets IMS down too).
        letters = await read_events(kafka, kafka.topic_dead_letter, expected=2, timeout_s=60)
    by_source = {m.headers["source-topic"].decode(): m for m in letters}
    assert sorted(by_source) == sorted([kafka.topic_order_created, kafka.topic_inventory_changed])
    dead = by_source[kafka.topic_order_created]
    assert dead.key == order_id.encode()
    assert int(dead.headers["dead-letter-attempts"]) >= 2  # retried, then set aside
    assert "ImsUnavailableError" in dead.headers["dead-letter-error"].decode()
    order = (
        await orders.GetOrder(order_pb2.GetOrderRequest(tenant_id=c.tenant_id, id=order_id))
    ).order
    assert order.status == order_pb2.ORDER_STATUS_ON_HOLD
    assert not has_shortage(order)
