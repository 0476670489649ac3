"""CSV ingester composition root: settings → OMS core → the SQS loop.

    python -m consumers.csv_ingester

It runs the core's outbox relay on the orders collection, so the `order.created` events of
the orders it stores reach Kafka even while the OMS server is down.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from common.logs import configure_logging
from common.metrics import serving_metrics
from common.signals import wait_for_stop_signal
from common.tasks import cancel_and_wait
from consumers.csv_ingester.consumer import CsvIngester, QueueConfig
from consumers.csv_ingester.order_writer import OrderWriter
from consumers.csv_ingester.pipeline import PassConfig
from consumers.csv_ingester.settings import IngesterSettings
from oms_grpc.core.container import OmsCore, open_core
from oms_grpc.core.settings import CoreSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngesterSettingsBundle:
    service: IngesterSettings
    core: CoreSettings

    @classmethod
    def from_environment(cls) -> IngesterSettingsBundle:
        return cls(IngesterSettings(), CoreSettings.from_environment("csv-ingester"))


async def build_ingester(core: OmsCore, settings: IngesterSettings) -> CsvIngester:
    return CsvIngester(
        queue=core.queue,
        objects=core.objects,
        uploads=core.uploads,
        ims=core.ims,
        writer=OrderWriter(
            core.orders,
            core.relay,
            core.settings.kafka.topic_order_created,
            actor=core.settings.actor,
        ),
        queue_config=QueueConfig(
            receive_wait_s=settings.receive_wait_s,
            visibility_timeout_s=settings.visibility_timeout_s,
            receive_retry_delay_s=settings.receive_retry_delay_s,
            max_receive_count=await core.queue.max_receive_count(),
        ),
        pass_config=PassConfig(
            batch_size=settings.batch_size,
            max_row_chars=settings.max_row_chars,
            read_chunk_bytes=settings.read_chunk_bytes,
            error_spool_bytes=settings.error_spool_bytes,
        ),
    )


@asynccontextmanager
async def running(
    core: OmsCore, ingester: CsvIngester, *, consume: bool = True
) -> AsyncIterator[None]:
    """The outbox relay and (unless `consume=False`) the SQS loop, stopped together.

    Stopping mid-file is safe: the message goes back to the queue and the next pass resumes
    without creating anything twice.
    """
    relay = asyncio.create_task(core.relay.run(), name="outbox-relay")
    consuming = asyncio.create_task(ingester.run(), name="csv-ingester") if consume else None
    try:
        yield
    finally:
        if consuming is not None:
            # Waits out an open SQS long poll (see CsvIngester.poll_once).
            await cancel_and_wait(consuming, ingester.stop_timeout_s)
        await cancel_and_wait(relay)


async def serve(settings: IngesterSettingsBundle) -> None:
    async with serving_metrics(settings.service.metrics_port), open_core(settings.core) as core:
        ingester = await build_ingester(core, settings.service)
        async with running(core, ingester):
            log.info(
                "csv ingester consuming",
                extra={"queue": core.queue.queue_url, "ims_target": settings.core.ims.ims_target},
            )
            await wait_for_stop_signal()
    log.info("csv ingester stopped")


def run() -> None:
    settings = IngesterSettingsBundle.from_environment()
    configure_logging("csv-ingester", settings.service.log_level)
    asyncio.run(serve(settings))


if __name__ == "__main__":
    run()
