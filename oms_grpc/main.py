"""OMS composition root: settings → clients → repositories → servicers → gRPC server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field

import grpc

from common.clients.kafka import KafkaProducer
from common.clients.mongo import MongoStore
from common.clients.s3 import ObjectStore
from common.clients.sqs import QueueClient
from common.grpc.server import GrpcServer, wait_for_stop_signal
from common.logs import configure_logging
from common.settings import AwsSettings, KafkaSettings, MongoSettings
from common.tasks import cancel_and_wait
from oms_grpc.outbox.relay import OutboxRelay
from oms_grpc.repositories.orders import OrderRepository
from oms_grpc.repositories.uploads import UploadRepository
from oms_grpc.servicers.orders import orders_services
from oms_grpc.servicers.uploads import uploads_services
from oms_grpc.servicers.webhooks import webhooks_services
from oms_grpc.settings import OmsSettings
from oms_grpc.upload_settings import UploadSettings
from oms_grpc.webhook_settings import WebhookSettings


@dataclass(frozen=True)
class OmsSettingsBundle:
    service: OmsSettings
    mongo: MongoSettings
    kafka: KafkaSettings
    aws: AwsSettings
    uploads: UploadSettings = field(default_factory=UploadSettings)
    webhooks: WebhookSettings = field(default_factory=WebhookSettings)

    @classmethod
    def from_environment(cls) -> OmsSettingsBundle:
        return cls(
            OmsSettings(),
            MongoSettings(),
            KafkaSettings(),
            AwsSettings(),
            UploadSettings(),
            WebhookSettings(),
        )


@dataclass(frozen=True)
class OmsDependencies:
    settings: OmsSettingsBundle
    mongo: MongoStore
    orders: OrderRepository
    uploads: UploadRepository
    objects: ObjectStore
    queue: QueueClient
    relay: OutboxRelay
    ims_channel: grpc.aio.Channel


@asynccontextmanager
async def open_dependencies(settings: OmsSettingsBundle) -> AsyncIterator[OmsDependencies]:
    async with AsyncExitStack() as stack:
        mongo = MongoStore.from_settings(settings.mongo)
        stack.push_async_callback(mongo.close)
        await mongo.ping()
        orders = OrderRepository(mongo.db["orders"])
        await orders.ensure_indexes()
        uploads = UploadRepository(mongo.db["uploads"])
        await uploads.ensure_indexes()

        objects = await ObjectStore.open(settings.aws)
        stack.push_async_callback(objects.close)
        queue = await QueueClient.open(settings.aws)
        stack.push_async_callback(queue.close)

        relay = OutboxRelay(orders.collection, lambda: KafkaProducer.start(settings.kafka))
        stack.push_async_callback(relay.close)

        ims_channel = grpc.aio.insecure_channel(settings.service.ims_target)
        stack.push_async_callback(ims_channel.close, None)

        yield OmsDependencies(
            settings=settings,
            mongo=mongo,
            orders=orders,
            uploads=uploads,
            objects=objects,
            queue=queue,
            relay=relay,
            ims_channel=ims_channel,
        )


def build_server(deps: OmsDependencies) -> GrpcServer:
    service = deps.settings.service
    return GrpcServer(
        host=service.host,
        port=service.port,
        services=[*orders_services(deps), *uploads_services(deps), *webhooks_services(deps)],
        max_message_bytes=service.max_message_bytes,
    )


@asynccontextmanager
async def running(deps: OmsDependencies) -> AsyncIterator[GrpcServer]:
    """The server plus its background work (the outbox relay), stopped together."""
    server = build_server(deps)
    await server.start()
    relay_task = asyncio.create_task(deps.relay.run(), name="outbox-relay")
    try:
        yield server
    finally:
        await server.stop(deps.settings.service.shutdown_grace_s)
        await cancel_and_wait(relay_task)


async def serve(settings: OmsSettingsBundle) -> None:
    async with open_dependencies(settings) as deps, running(deps):
        await wait_for_stop_signal()


def run() -> None:
    settings = OmsSettingsBundle.from_environment()
    configure_logging("oms", settings.service.log_level)
    asyncio.run(serve(settings))


if __name__ == "__main__":
    run()
