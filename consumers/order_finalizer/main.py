"""Order finalizer composition root: settings → OMS core → two Kafka loops + the relay.

    python -m consumers.order_finalizer

- `order.created` (group FINALIZER_GROUP_ID): reserve the order's stock; NEW_ORDER, or
  ON_HOLD with the shortage recorded.
- `inventory.changed` (group FINALIZER_RESTOCK_GROUP_ID): finalize the orders waiting for
  that hub and SKU (see `restock`).
- the core's outbox relay publishes the `order.updated` events this process stores.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from common.clients.kafka import KafkaConsumer, LazyProducer
from common.grpc.outages import is_outage
from common.logs import configure_logging
from common.metrics import serving_metrics
from common.signals import wait_for_stop_signal
from common.tasks import cancel_and_wait
from consumers.event_loop import DeadLetters, EventLoop, MessageHandler, RetryPolicy
from consumers.order_finalizer.finalization import OrderFinalizer
from consumers.order_finalizer.handlers import InventoryChangedHandler, OrderCreatedHandler
from consumers.order_finalizer.restock import RestockEvaluator
from consumers.order_finalizer.settings import FinalizerSettings
from oms_grpc.core.container import OmsCore, open_core
from oms_grpc.core.settings import CoreSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FinalizerSettingsBundle:
    service: FinalizerSettings
    core: CoreSettings

    @classmethod
    def from_environment(cls) -> FinalizerSettingsBundle:
        return cls(FinalizerSettings(), CoreSettings.from_environment("order-finalizer"))


@dataclass(frozen=True)
class FinalizerLoops:
    created: EventLoop
    restock: EventLoop


def build_loops(core: OmsCore, settings: FinalizerSettings) -> FinalizerLoops:
    kafka = core.settings.kafka
    finalizer = OrderFinalizer(
        core.orders,
        core.ims,
        updated_topic=kafka.topic_order_updated,
        relay=core.relay,
        actor=core.settings.actor,
    )
    restock = RestockEvaluator(
        core.orders,
        finalizer,
        page_size=settings.restock_page_size,
        max_orders=settings.restock_max_orders,
    )
    retry = RetryPolicy(
        attempts=settings.retry_attempts,
        first_delay_s=settings.retry_first_delay_s,
        max_delay_s=settings.retry_max_delay_s,
        outage_s=settings.retry_outage_s,
    )

    def loop(name: str, topic: str, group_id: str, handler: MessageHandler) -> EventLoop:
        return EventLoop(
            name=name,
            connect=lambda: KafkaConsumer.start(
                kafka, [topic], group_id, max_poll_records=settings.max_poll_records
            ),
            handler=handler,
            dead_letters=DeadLetters(LazyProducer(kafka), kafka.topic_dead_letter, name),
            retry=retry,
            is_outage=is_outage,
            concurrency=settings.concurrency,
        )

    return FinalizerLoops(
        created=loop(
            "order-finalizer",
            kafka.topic_order_created,
            settings.group_id,
            OrderCreatedHandler(finalizer),
        ),
        restock=loop(
            "order-restock",
            kafka.topic_inventory_changed,
            settings.restock_group_id,
            InventoryChangedHandler(restock),
        ),
    )


@asynccontextmanager
async def running(core: OmsCore, loops: FinalizerLoops) -> AsyncIterator[None]:
    """The relay and both consumer loops, stopped together (consumers first, so the relay
    can still publish what they stored)."""
    tasks = [
        asyncio.create_task(core.relay.run(), name="outbox-relay"),
        asyncio.create_task(loops.created.run(), name="order-finalizer"),
        asyncio.create_task(loops.restock.run(), name="order-restock"),
    ]
    try:
        yield
    finally:
        for task in reversed(tasks):
            await cancel_and_wait(task)


async def serve(settings: FinalizerSettingsBundle) -> None:
    async with (
        serving_metrics(settings.service.metrics_port),
        open_core(settings.core) as core,
        running(core, build_loops(core, settings.service)),
    ):
        log.info("order finalizer consuming", extra={"group": settings.service.group_id})
        await wait_for_stop_signal()
    log.info("order finalizer stopped")


def run() -> None:
    settings = FinalizerSettingsBundle.from_environment()
    configure_logging("order-finalizer", settings.service.log_level)
    asyncio.run(serve(settings))


if __name__ == "__main__":
    run()
