"""CSV ingester composition root: settings → clients → repositories → the SQS loop.

    python -m consumers.csv_ingester

It runs its own outbox relay on the orders collection, so the `order.created` events of the
orders it stores reach Kafka even while the OMS server is down.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass

import grpc

from common.clients.kafka import KafkaProducer
from common.clients.mongo import MongoStore
from common.clients.s3 import ObjectStore
from common.clients.sqs import QueueClient
from common.grpc.server import wait_for_stop_signal
from common.logs import configure_logging
from common.settings import AwsSettings, KafkaSettings, MongoSettings
from common.tasks import cancel_and_wait
from consumers.csv_ingester.consumer import CsvIngester, QueueConfig
from consumers.csv_ingester.order_writer import OrderWriter
from consumers.csv_ingester.pipeline import PassConfig
from consumers.csv_ingester.settings import IngesterSettings
from oms_grpc.clients.ims import ImsClient
from oms_grpc.outbox.relay import OutboxRelay
from oms_grpc.repositories.orders import OrderRepository
from oms_grpc.repositories.uploads import UploadRepository

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngesterSettingsBundle:
    service: IngesterSettings
    mongo: MongoSettings
    kafka: KafkaSettings
    aws: AwsSettings

    @classmethod
    def from_environment(cls) -> IngesterSettingsBundle:
        return cls(IngesterSettings(), MongoSettings(), KafkaSettings(), AwsSettings())


@dataclass(frozen=True)
class IngesterDependencies:
    settings: IngesterSettingsBundle
    mongo: MongoStore
    orders: OrderRepository
    uploads: UploadRepository
    objects: ObjectStore
    queue: QueueClient
    relay: OutboxRelay
    ims_channel: grpc.aio.Channel
    ingester: CsvIngester


@asynccontextmanager
async def open_dependencies(
    settings: IngesterSettingsBundle,
) -> AsyncIterator[IngesterDependencies]:
    async with AsyncExitStack() as stack:
        mongo = MongoStore.from_settings(settings.mongo)
        stack.push_async_callback(mongo.close)
        await mongo.ping()
        orders = OrderRepository(mongo.db["orders"])
        await orders.ensure_indexes()  # the unique key that makes re-processing safe
        uploads = UploadRepository(mongo.db["uploads"])

        objects = await ObjectStore.open(settings.aws)
        stack.push_async_callback(objects.close)
        queue = await QueueClient.open(settings.aws)
        stack.push_async_callback(queue.close)

        relay = OutboxRelay(orders.collection, lambda: KafkaProducer.start(settings.kafka))
        stack.push_async_callback(relay.close)

        service = settings.service
        ims_channel = grpc.aio.insecure_channel(service.ims_target)
        stack.push_async_callback(ims_channel.close, None)

        ingester = CsvIngester(
            queue=queue,
            objects=objects,
            uploads=uploads,
            ims=ImsClient(ims_channel, timeout_s=service.ims_timeout_s),
            writer=OrderWriter(orders, relay, settings.kafka.topic_order_created),
            queue_config=QueueConfig(
                receive_wait_s=service.receive_wait_s,
                visibility_timeout_s=service.visibility_timeout_s,
                receive_retry_delay_s=service.receive_retry_delay_s,
                max_receive_count=await queue.max_receive_count(),
            ),
            pass_config=PassConfig(
                batch_size=service.batch_size,
                max_row_chars=service.max_row_chars,
                read_chunk_bytes=service.read_chunk_bytes,
                error_spool_bytes=service.error_spool_bytes,
            ),
        )
        yield IngesterDependencies(
            settings=settings,
            mongo=mongo,
            orders=orders,
            uploads=uploads,
            objects=objects,
            queue=queue,
            relay=relay,
            ims_channel=ims_channel,
            ingester=ingester,
        )


@asynccontextmanager
async def running(deps: IngesterDependencies, *, consume: bool = True) -> AsyncIterator[None]:
    """The outbox relay and (unless `consume=False`) the SQS loop, stopped together.

    Stopping mid-file is safe: the message goes back to the queue and the next pass resumes
    without creating anything twice.
    """
    tasks = [asyncio.create_task(deps.relay.run(), name="outbox-relay")]
    if consume:
        tasks.append(asyncio.create_task(deps.ingester.run(), name="csv-ingester"))
    try:
        yield
    finally:
        for task in reversed(tasks):
            await cancel_and_wait(task)


async def serve(settings: IngesterSettingsBundle) -> None:
    async with open_dependencies(settings) as deps, running(deps):
        log.info(
            "csv ingester consuming",
            extra={"queue": deps.queue.queue_url, "ims_target": settings.service.ims_target},
        )
        await wait_for_stop_signal()
    log.info("csv ingester stopped")


def run() -> None:
    settings = IngesterSettingsBundle.from_environment()
    configure_logging("csv-ingester", settings.service.log_level)
    asyncio.run(serve(settings))


if __name__ == "__main__":
    run()
