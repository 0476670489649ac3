"""`open_core`: every client and repository of the OMS core, built once per process.

The gRPC server and each consumer process open the core with their settings and pass its
parts to the objects that need them; nothing else builds a client, a repository or a
channel. Leaving the context closes everything in reverse order.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass

from common.clients.kafka import KafkaProducer, LazyProducer
from common.clients.kafka_reader import TopicReader
from common.clients.mongo import MongoStore
from common.clients.s3 import ObjectStore
from common.clients.sqs import QueueClient
from common.grpc.credentials import authorized_channel
from oms_grpc.core.clients.ims import ImsClient
from oms_grpc.core.outbox.batches import OutboxBatches
from oms_grpc.core.outbox.published import PublishedEvents
from oms_grpc.core.outbox.relay import OutboxRelay
from oms_grpc.core.repositories.dead_letter_queue import QueueDeadLetters
from oms_grpc.core.repositories.dead_letter_topic import TopicDeadLetters
from oms_grpc.core.repositories.deliveries import DeliveryLogRepository
from oms_grpc.core.repositories.event_payloads import EventPayloads
from oms_grpc.core.repositories.orders import OrderRepository
from oms_grpc.core.repositories.uploads import UploadRepository
from oms_grpc.core.repositories.webhooks import WebhookRepository
from oms_grpc.core.secret_box import SecretBox
from oms_grpc.core.settings import CoreSettings
from oms_grpc.core.webhooks_dns import Resolver, SystemResolver, UrlGuard


@dataclass(frozen=True)
class OmsCore:
    settings: CoreSettings
    mongo: MongoStore
    orders: OrderRepository
    uploads: UploadRepository
    webhooks: WebhookRepository
    deliveries: DeliveryLogRepository
    objects: ObjectStore
    queue: QueueClient
    # This process's relay of the orders' outbox to Kafka; the process runs `relay.run()`.
    relay: OutboxRelay
    ims: ImsClient
    # Callback URL policy (SSRF rules + allow-list), checked with DNS answers.
    url_guard: UrlGuard
    # What the consumers set aside (connected on first use: only the admin API reads them).
    queue_letters: QueueDeadLetters
    topic_letters: TopicDeadLetters


@asynccontextmanager
async def open_core(
    settings: CoreSettings, *, resolver: Resolver | None = None
) -> AsyncIterator[OmsCore]:
    """`resolver` (for the URL guard) defaults to the system's DNS."""
    async with AsyncExitStack() as stack:
        mongo = MongoStore.from_settings(settings.mongo)
        stack.push_async_callback(mongo.close)
        await mongo.ping()
        orders = OrderRepository(mongo.db["orders"])
        await orders.ensure_indexes()  # the unique keys that make re-processing safe
        uploads = UploadRepository(mongo.db["uploads"])
        await uploads.ensure_indexes()

        objects = await ObjectStore.open(settings.aws)
        stack.push_async_callback(objects.close)
        queue = await QueueClient.open(settings.aws)
        stack.push_async_callback(queue.close)

        published = PublishedEvents(mongo.db["outbox_published"])
        await published.ensure_indexes()
        batches = OutboxBatches(mongo.db["outbox_batches"])
        await batches.ensure_indexes()
        relay = OutboxRelay(
            orders.collection,
            lambda: KafkaProducer.start(settings.kafka),
            published=published,
            batches=batches,
            service=settings.identity,
        )
        stack.push_async_callback(relay.close)

        ims_channel = authorized_channel(
            settings.ims.ims_target, settings.auth.outgoing_token(settings.identity)
        )
        stack.push_async_callback(ims_channel.close, None)

        webhook_settings = settings.webhooks
        keys = webhook_settings.secret_keys()
        webhooks = WebhookRepository(mongo.db["webhooks"], SecretBox(keys) if keys else None)
        if keys:
            # Secrets stored before encryption at rest are encrypted once, by whichever
            # process starts first; until then they are read as they are.
            await webhooks.seal_plaintext_secrets()
        deliveries = DeliveryLogRepository(mongo.db["webhook_logs"])
        await deliveries.drop_superseded_indexes()

        aws = settings.aws
        queue_letters = QueueDeadLetters(
            open_dead_letters=lambda: QueueClient.open(aws, aws.sqs_dead_letter_queue_name),
            upload_queue=queue,
            upload_queue_name=aws.sqs_queue_name,
            uploads=uploads,
        )
        stack.push_async_callback(queue_letters.close)
        redrive_producer = LazyProducer(settings.kafka)
        stack.push_async_callback(redrive_producer.close)
        topic_letters = TopicDeadLetters(
            topic=settings.kafka.topic_dead_letter,
            reader=TopicReader(settings.kafka),
            producer=redrive_producer,
            redrives=mongo.db["dead_letter_redrives"],
            payloads=EventPayloads.from_settings(settings.kafka),
        )
        yield OmsCore(
            settings=settings,
            mongo=mongo,
            orders=orders,
            uploads=uploads,
            webhooks=webhooks,
            deliveries=deliveries,
            objects=objects,
            queue=queue,
            relay=relay,
            ims=ImsClient(ims_channel, timeout_s=settings.ims.ims_timeout_s),
            url_guard=UrlGuard(
                webhook_settings.allow_list(),
                resolver or SystemResolver(webhook_settings.dns_timeout_s),
            ),
            queue_letters=queue_letters,
            topic_letters=topic_letters,
        )
