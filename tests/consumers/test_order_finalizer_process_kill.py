"""The real finalizer process (`python -m consumers.order_finalizer`) SIGKILLed mid-stream and
started again: every order finalized, none reserved twice, every `order.updated` published."""

from __future__ import annotations

import asyncio
import signal
import subprocess
from collections import Counter

import grpc
from ims.v1 import inventory_pb2
from oms.v1 import order_pb2

from oms_grpc.main import OmsSettingsBundle
from tests.consumers.finalizer_support import (
    finalized_count,
    ledger,
    start_finalizer_process,
    updated_order_ids,
)
from tests.oms.test_orders_helpers import create_request, orders_stub
from tests.support.ims_catalog import ImsCatalog

ORDERS = 400


async def test_sigkilled_finalizer_process_restarted_finalizes_every_order_once(
    oms_settings: OmsSettingsBundle, oms_channel: grpc.aio.Channel, ims_channel: grpc.aio.Channel
) -> None:
    ims = ImsCatalog(ims_channel)
    c = await ims.seller_catalog(skus=2)
    for index in range(2):
        await ims.set_stock(c.tenant_id, c.hub_id, c.sku_id(index), 10 * ORDERS)
    orders = orders_stub(oms_channel)
    ids = [
        (await orders.CreateOrder(create_request(c, n % 3 + 1, 1))).order.id for n in range(ORDERS)
    ]

    first = start_finalizer_process(oms_settings)
    try:
        async with asyncio.timeout(120):
            while (done := await finalized_count(oms_settings, c.tenant_id)) < ORDERS // 10:
                assert first.poll() is None, "the finalizer exited before the kill"
                await asyncio.sleep(0.05)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    killed_at = await finalized_count(oms_settings, c.tenant_id)
    assert done <= killed_at < ORDERS, "killed in the middle of the stream"

    second = start_finalizer_process(oms_settings)
    try:
        async with asyncio.timeout(180):
            while await finalized_count(oms_settings, c.tenant_id) < ORDERS:
                assert second.poll() is None, "the restarted finalizer exited"
                await asyncio.sleep(0.2)
    finally:
        second.send_signal(signal.SIGTERM)
        try:
            second.wait(timeout=20)
        except subprocess.TimeoutExpired:
            second.kill()

    # Exactly one reservation per order (two lines each), and the stock says the same.
    rows: list[inventory_pb2.InventoryTransaction] = []
    for index in range(2):
        rows += await ledger(ims_channel, c.tenant_id, sku_id=c.sku_id(index))
    reserves = Counter(
        r.reference for r in rows if r.type == inventory_pb2.INVENTORY_TRANSACTION_TYPE_RESERVE
    )
    assert set(reserves) == set(ids) and set(reserves.values()) == {2}
    level = await ims.level(c.tenant_id, c.hub_id, c.sku_id(0))
    assert level.quantity_reserved == sum(n % 3 + 1 for n in range(ORDERS))
    for order_id in ids[:: ORDERS // 8]:
        order = (
            await orders.GetOrder(order_pb2.GetOrderRequest(tenant_id=c.tenant_id, id=order_id))
        ).order
        assert [s.status for s in order.status_history] == [
            order_pb2.ORDER_STATUS_ON_HOLD,
            order_pb2.ORDER_STATUS_NEW_ORDER,
        ]
    # Every finalization's event was published (at least once: the killed process's
    # unacknowledged ones are recovered by the restarted process's relay).
    assert await updated_order_ids(oms_settings.core.kafka, set(ids)) == set(ids)
