"""Helpers for the order finalizer tests: the finalizer's production object graph on a test's
own resources, and ways to wait for orders to settle."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import subprocess
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager

import grpc
from ims.v1 import inventory_pb2, inventory_pb2_grpc
from oms.v1 import events_pb2, order_pb2, order_pb2_grpc

from common.clients.kafka import KafkaConsumer
from common.clients.mongo import MongoStore
from common.ids import new_id
from common.settings import KafkaSettings
from consumers.order_finalizer.main import FinalizerSettingsBundle, build_loops, running
from consumers.order_finalizer.settings import FinalizerSettings
from oms_grpc.core.container import OmsCore, open_core
from oms_grpc.core.domain.order_status import OrderStatus
from oms_grpc.main import OmsSettingsBundle
from tests.support.processes import oms_core_env, start_module

# Fast retries: a test with IMS down must not wait for the production schedule.
FAST = {"retry_first_delay_s": 0.05, "retry_max_delay_s": 0.5}


def group_ids(oms: OmsSettingsBundle) -> dict[str, str]:
    """Consumer groups of this test only: tests sharing a group would rebalance each other
    (and a group spanning topics of several tests never settles)."""
    topic = oms.core.kafka.topic_order_created
    return {"group_id": f"finalizer-{topic}", "restock_group_id": f"restock-{topic}"}


def start_finalizer_process(oms: OmsSettingsBundle) -> subprocess.Popen[bytes]:
    """The real `python -m consumers.order_finalizer` on the test's resources, in the test's
    consumer groups (several such processes share them)."""
    return start_module(
        "consumers.order_finalizer",
        {
            **oms_core_env(oms),
            **{f"FINALIZER_{name.upper()}": value for name, value in group_ids(oms).items()},
            "FINALIZER_CONCURRENCY": "8",
            "FINALIZER_MAX_POLL_RECORDS": "20",
            "FINALIZER_LOG_LEVEL": "WARNING",
        },
    )


async def finalized_count(oms: OmsSettingsBundle, tenant_id: str) -> int:
    """How many of the tenant's orders are NEW_ORDER, read straight from MongoDB."""
    store = MongoStore.from_settings(oms.core.mongo)
    try:
        return await store.db["orders"].count_documents(
            {"tenant_id": tenant_id, "status": OrderStatus.NEW_ORDER.value}
        )
    finally:
        await store.close()


def finalizer_settings(oms: OmsSettingsBundle, **service: object) -> FinalizerSettingsBundle:
    return FinalizerSettingsBundle(
        service=FinalizerSettings(**{**FAST, **group_ids(oms), **service}),  # type: ignore[arg-type]
        core=dataclasses.replace(oms.core, identity="order-finalizer"),
    )


@asynccontextmanager
async def finalizer(settings: FinalizerSettingsBundle) -> AsyncIterator[OmsCore]:
    """What `python -m consumers.order_finalizer` runs, in this process."""
    async with open_core(settings.core) as core, running(core, build_loops(core, settings.service)):
        yield core


def with_ims(settings: FinalizerSettingsBundle, target: str) -> FinalizerSettingsBundle:
    ims = settings.core.ims.model_copy(update={"ims_target": target, "ims_timeout_s": 1.0})
    return dataclasses.replace(settings, core=dataclasses.replace(settings.core, ims=ims))


async def wait_for_orders(
    orders: order_pb2_grpc.OrderServiceStub,
    tenant_id: str,
    order_ids: Sequence[str],
    done: Callable[[order_pb2.Order], bool],
    *,
    timeout_s: float = 60,
) -> list[order_pb2.Order]:
    """GetOrder each order until `done` holds for all of them (or fail after `timeout_s`)."""
    found: list[order_pb2.Order] = []
    async with asyncio.timeout(timeout_s):
        while True:
            found = [
                (await orders.GetOrder(order_pb2.GetOrderRequest(tenant_id=tenant_id, id=i))).order
                for i in order_ids
            ]
            if all(done(order) for order in found):
                return found
            await asyncio.sleep(0.2)


def is_new_order(order: order_pb2.Order) -> bool:
    return order.status == order_pb2.ORDER_STATUS_NEW_ORDER


def has_shortage(order: order_pb2.Order) -> bool:
    return order.status == order_pb2.ORDER_STATUS_ON_HOLD and len(order.shortages) > 0


async def ledger(
    channel: grpc.aio.Channel, tenant_id: str, *, reference: str = "", sku_id: str = ""
) -> list[inventory_pb2.InventoryTransaction]:
    stub = inventory_pb2_grpc.InventoryServiceStub(channel)
    reply = await stub.ListInventoryTransactions(
        inventory_pb2.ListInventoryTransactionsRequest(
            tenant_id=tenant_id, reference=reference, sku_id=sku_id, page_size=1000
        )
    )
    return list(reply.transactions)


async def updated_order_ids(
    kafka: KafkaSettings, wanted: set[str], *, timeout_s: float = 90
) -> set[str]:
    """Order ids of `order.updated` events, read until every id of `wanted` has one
    (duplicates do not count; delivery is at least once) or `timeout_s` passed."""
    consumer = await KafkaConsumer.start(kafka, [kafka.topic_order_updated], f"check-{new_id()}")
    seen: set[str] = set()
    try:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout_s):
                async for batch in consumer.batches(timeout_ms=200):
                    seen.update(events_pb2.OrderUpdated.FromString(m.value).order.id for m in batch)
                    if wanted <= seen:
                        break
    finally:
        await consumer.close()
    return seen
