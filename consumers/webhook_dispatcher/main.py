"""Webhook dispatcher composition root: settings → OMS core → intake + worker.

    python -m consumers.webhook_dispatcher

Any number of these processes may run: they share the Kafka partitions as one consumer
group and compete for deliveries in MongoDB through leases.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta

from common.clients.kafka import KafkaConsumer, LazyProducer
from common.logs import configure_logging
from common.metrics import serving_metrics
from common.signals import wait_for_stop_signal
from common.tasks import cancel_and_wait
from consumers.event_loop import DeadLetters
from consumers.webhook_dispatcher.endpoint_health import EndpointHealth
from consumers.webhook_dispatcher.events import EventTopics
from consumers.webhook_dispatcher.intake import NAME, Intake
from consumers.webhook_dispatcher.recorder import AttemptRecorder
from consumers.webhook_dispatcher.retry_policy import RetrySchedule
from consumers.webhook_dispatcher.sender import HttpSender, SenderConfig
from consumers.webhook_dispatcher.settings import DispatcherSettings
from consumers.webhook_dispatcher.subscriptions import SubscriptionCache
from consumers.webhook_dispatcher.worker import DeliveryWorker, WorkerConfig
from oms_grpc.core.container import OmsCore, open_core
from oms_grpc.core.settings import CoreSettings

log = logging.getLogger(__name__)


class SecretKeyMissingError(RuntimeError):
    """The dispatcher cannot sign without decrypting the secrets."""


@dataclass(frozen=True)
class DispatcherSettingsBundle:
    service: DispatcherSettings
    core: CoreSettings

    @classmethod
    def from_environment(cls) -> DispatcherSettingsBundle:
        return cls(DispatcherSettings(), CoreSettings.from_environment("webhook-dispatcher"))


@dataclass(frozen=True)
class Dispatcher:
    intake: Intake
    worker: DeliveryWorker
    subscriptions: SubscriptionCache


@asynccontextmanager
async def build_dispatcher(
    core: OmsCore, settings: DispatcherSettings, *, rng: random.Random | None = None
) -> AsyncIterator[Dispatcher]:
    """The dispatcher's parts on the core's repositories, URL guard and Kafka settings."""
    if not core.settings.webhooks.secret_keys():
        raise SecretKeyMissingError(
            "WEBHOOK_SECRET_KEY is required: webhook signing secrets are stored encrypted"
        )
    kafka = core.settings.kafka
    subscriptions = SubscriptionCache(core.webhooks.targets, ttl_s=settings.subscription_ttl_s)
    sender_config = SenderConfig(
        connect_timeout_s=settings.connect_timeout_s,
        request_timeout_s=settings.request_timeout_s,
        response_body_bytes=settings.response_body_bytes,
        max_connections=settings.max_in_flight,
    )
    async with HttpSender.open(core.url_guard, sender_config) as sender:
        worker = DeliveryWorker(
            deliveries=core.deliveries,
            recorder=AttemptRecorder(core.deliveries),
            subscriptions=subscriptions,
            health=EndpointHealth(
                core.webhooks,
                subscriptions,
                disable_after=timedelta(seconds=settings.disable_after_s),
            ),
            sender=sender,
            schedule=RetrySchedule(
                tuple(settings.retry_schedule_s),
                jitter=settings.retry_jitter,
                max_retry_after_s=settings.max_retry_after_s,
            ),
            config=WorkerConfig(
                lease=timedelta(seconds=settings.lease_s),
                poll_interval_s=settings.poll_interval_s,
                claim_batch=settings.claim_batch,
                request_timeout=timedelta(seconds=settings.request_timeout_s),
                max_in_flight=settings.max_in_flight,
                max_in_flight_per_webhook=settings.max_in_flight_per_webhook,
                max_queued_per_webhook=settings.max_queued_per_webhook,
                shutdown_grace_s=settings.shutdown_grace_s,
            ),
            rng=rng,
        )
        topics = EventTopics.from_settings(kafka)
        intake = Intake(
            connect=lambda: KafkaConsumer.start(
                kafka,
                topics.topics,
                group_id=settings.group_id,
                max_poll_records=settings.max_poll_records,
            ),
            topics=topics,
            subscriptions=subscriptions,
            deliveries=core.deliveries,
            worker=worker,
            dead_letters=DeadLetters(LazyProducer(kafka), kafka.topic_dead_letter, NAME),
        )
        try:
            yield Dispatcher(intake=intake, worker=worker, subscriptions=subscriptions)
        finally:
            await subscriptions.close()


@asynccontextmanager
async def running(dispatcher: Dispatcher) -> AsyncIterator[None]:
    """The worker's claim loop and the Kafka intake, stopped together: the intake first
    (nothing new comes in), then the claim loop, then the attempts in flight (given the
    grace period; every lease still held is handed back)."""
    worker_task = asyncio.create_task(dispatcher.worker.run(), name="webhook-worker")
    intake_task = asyncio.create_task(dispatcher.intake.run(), name="webhook-intake")
    try:
        yield
    finally:
        await cancel_and_wait(intake_task)
        await cancel_and_wait(worker_task)
        await dispatcher.worker.stop()


async def serve(settings: DispatcherSettingsBundle) -> None:
    async with (
        serving_metrics(settings.service.metrics_port),
        open_core(settings.core) as core,
        build_dispatcher(core, settings.service) as dispatcher,
        running(dispatcher),
    ):
        log.info(
            "webhook dispatcher consuming",
            extra={
                "topics": EventTopics.from_settings(settings.core.kafka).topics,
                "group_id": settings.service.group_id,
            },
        )
        await wait_for_stop_signal()
    log.info("webhook dispatcher stopped")


def run() -> None:
    settings = DispatcherSettingsBundle.from_environment()
    configure_logging("webhook-dispatcher", settings.service.log_level)
    asyncio.run(serve(settings))


if __name__ == "__main__":
    run()
