"""Two real finalizer processes (`python -m consumers.order_finalizer`) share their consumer
groups; one is SIGKILLed mid-stream. Kafka hands its partitions to the survivor (a rebalance),
and the result is the same as with one process: every order finalized, none reserved twice,
every `order.updated` published."""

from __future__ import annotations

import asyncio
import signal
from collections import Counter

import grpc
from ims.v1 import inventory_pb2

from common.clients.kafka import GroupState, describe_group
from devstack.process import stop_child
from oms_grpc.main import OmsSettingsBundle
from tests.consumers.finalizer_support import (
    finalized_count,
    group_ids,
    ledger,
    start_finalizer_process,
    updated_order_ids,
)
from tests.oms.test_orders_helpers import create_request, orders_stub
from tests.support.ims_catalog import ImsCatalog

ORDERS = 200
LATE = 30  # P(none on the dead member's partitions) <= (2/3)**30, about 5e-6


async def _groups(oms: OmsSettingsBundle) -> list[GroupState]:
    return [await describe_group(oms.core.kafka, group) for group in group_ids(oms).values()]


async def test_two_finalizer_processes_share_the_stream_and_survive_losing_one(
    oms_settings: OmsSettingsBundle, oms_channel: grpc.aio.Channel, ims_channel: grpc.aio.Channel
) -> None:
    assert oms_settings.core.kafka.topic_partitions >= 2, "one partition cannot be shared"
    ims = ImsCatalog(ims_channel)
    c = await ims.seller_catalog(skus=1)
    await ims.set_stock(c.tenant_id, c.hub_id, c.sku_id(0), 10 * ORDERS)

    processes = [start_finalizer_process(oms_settings) for _ in range(2)]
    try:
        # Both processes are members of both groups before any order exists, so each owns
        # partitions of the stream (3 partitions: 2 + 1).
        async with asyncio.timeout(120):
            while not all(g.stable and g.members == 2 for g in await _groups(oms_settings)):
                assert all(p.poll() is None for p in processes), "a finalizer exited"
                await asyncio.sleep(0.2)

        orders = orders_stub(oms_channel)
        ids = [
            (await orders.CreateOrder(create_request(c, n % 3 + 1))).order.id for n in range(ORDERS)
        ]
        async with asyncio.timeout(120):
            while await finalized_count(oms_settings, c.tenant_id) < ORDERS // 10:
                assert all(p.poll() is None for p in processes), "a finalizer exited"
                await asyncio.sleep(0.05)
        processes[0].send_signal(signal.SIGKILL)
        processes[0].wait(timeout=10)
        # More orders after the kill: keyed by order id, some land on the dead member's
        # partitions, which only the survivor can finalize, once the group has rebalanced.
        ids += [(await orders.CreateOrder(create_request(c, 1))).order.id for _ in range(LATE)]

        # The survivor takes the dead member's partitions once its session expires and
        # resumes from their last committed offsets.
        async with asyncio.timeout(180):
            while await finalized_count(oms_settings, c.tenant_id) < ORDERS + LATE:
                assert processes[1].poll() is None, "the surviving finalizer exited"
                await asyncio.sleep(0.2)
        # The late orders on the dead member's partitions prove the hand-over happened.
        kafka, order_group = oms_settings.core.kafka, group_ids(oms_settings)["group_id"]
        assert (await describe_group(kafka, order_group)).members == 1
    finally:
        for process in processes:
            stop_child(process)

    # Exactly one reservation per order, and the stock level says the same.
    rows = await ledger(ims_channel, c.tenant_id, sku_id=c.sku_id(0))
    reserves = Counter(
        r.reference for r in rows if r.type == inventory_pb2.INVENTORY_TRANSACTION_TYPE_RESERVE
    )
    assert set(reserves) == set(ids) and set(reserves.values()) == {1}
    level = await ims.level(c.tenant_id, c.hub_id, c.sku_id(0))
    assert level.quantity_reserved == sum(n % 3 + 1 for n in range(ORDERS)) + LATE
    assert level.quantity_available == 10 * ORDERS - level.quantity_reserved
    assert await updated_order_ids(oms_settings.core.kafka, set(ids)) == set(ids)
