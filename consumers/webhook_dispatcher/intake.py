"""Kafka `order.created` / `order.updated` → one stored delivery per subscribed webhook.

Per batch of messages: decode the events, find each tenant's active subscribers (cached),
store every (webhook, event) delivery with one idempotent bulk write, and only then commit
the batch's offsets. The HTTP calls happen later, from MongoDB (`DeliveryWorker`), so a
slow or dead endpoint never holds up a partition, and a crash after the commit loses
nothing: the deliveries are stored. A crash before it re-reads the batch, and the
unique (webhook, event) key makes the replay create nothing twice.

Deliveries the local worker has room for are stored leased to it and handed over in
memory; the rest are stored claimable by any dispatcher. A message that is not an order
event goes to the dead-letter topic (the batch is committed only once it is there); a
store outage is retried until it passes, never skipped.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence

from common.clients.kafka import KafkaConsumer, Message
from common.metrics import CONSUMER_MESSAGES
from consumers.event_loop import DeadLetter, DeadLetters, PoisonMessageError, consume_batches
from consumers.webhook_dispatcher.events import EventTopics, WebhookEvent, decode_event
from consumers.webhook_dispatcher.subscriptions import SubscriptionCache
from consumers.webhook_dispatcher.worker import DeliveryWorker
from oms_grpc.core.domain.webhook_deliveries import Delivery, Lease, NewDelivery
from oms_grpc.core.repositories.deliveries import DeliveryLogRepository

log = logging.getLogger(__name__)

NAME = "webhook-dispatcher"


class Intake:
    def __init__(
        self,
        *,
        connect: Callable[[], Awaitable[KafkaConsumer]],
        topics: EventTopics,
        subscriptions: SubscriptionCache,
        deliveries: DeliveryLogRepository,
        worker: DeliveryWorker,
        dead_letters: DeadLetters,
        reconnect_delay_s: float = 2.0,
        max_store_delay_s: float = 5.0,
    ) -> None:
        self._connect = connect
        self._topics = topics
        self._subscriptions = subscriptions
        self._deliveries = deliveries
        self._worker = worker
        self._dead_letters = dead_letters
        self._reconnect_delay_s = reconnect_delay_s
        self._max_store_delay_s = max_store_delay_s

    async def run(self) -> None:
        """Consume until cancelled; broker outages are retried, never fatal. A redelivered
        batch (after a failed commit) finds its deliveries stored already."""
        try:
            await consume_batches(
                NAME, self._connect, self.handle_batch, reconnect_delay_s=self._reconnect_delay_s
            )
        finally:
            await self._dead_letters.close()

    async def handle_batch(self, batch: Sequence[Message]) -> None:
        """Store the deliveries of every event in `batch` (dead-lettering what is not an
        event); returns once they are durable."""
        events: list[WebhookEvent] = []
        letters: list[DeadLetter] = []
        for message in batch:
            try:
                events.append(decode_event(message, self._topics))
            except PoisonMessageError as exc:
                log.error(
                    "%s: message set aside: %s",
                    NAME,
                    exc,
                    extra={"topic": message.topic, "offset": message.offset},
                )
                letters.append(DeadLetter(message, f"{type(exc).__name__}: {exc}", 1))
        if letters:
            await self._dead_letters.send(letters)
            for letter in letters:
                CONSUMER_MESSAGES.labels(NAME, letter.message.topic, "dead_lettered").inc()
        if not events:
            return
        delay = 0.2
        # One lease for every try: deliveries a failed try stored after all are found under
        # it by the next one and handed over with the rest.
        lease: Lease | None = None
        while True:
            try:
                created, lease = await self._store(events, lease)
                break
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("%s: storing deliveries failed; retrying", NAME, exc_info=True)
                await asyncio.sleep(delay)
                delay = min(2 * delay, self._max_store_delay_s)
        self._worker.hand_over(created)
        for message in batch:
            CONSUMER_MESSAGES.labels(NAME, message.topic, "handled").inc()

    async def _store(
        self, events: Sequence[WebhookEvent], lease: Lease | None
    ) -> tuple[list[Delivery], Lease]:
        """The deliveries to hand over, and the lease they were stored under (`lease`, or a
        new one on the first try)."""
        subscribers = [
            (event, await self._subscriptions.subscribers(event.tenant_id, event.event_type))
            for event in events
        ]
        if lease is None:
            lease = self._worker.new_lease(pending=sum(len(targets) for _, targets in subscribers))
        room: dict[str, int] = {}
        pending: list[tuple[NewDelivery, Lease | None]] = []
        for event, targets in subscribers:
            for target in targets:
                left = room.setdefault(target.id, self._worker.room(target.id))
                room[target.id] = left - 1
                new = NewDelivery(
                    tenant_id=event.tenant_id,
                    webhook_id=target.id,
                    event_id=event.event_id,
                    event_type=event.event_type,
                    payload=event.payload,
                    trace_id=event.trace_id,
                )
                pending.append((new, lease if left > 0 else None))
        # Replayed events create nothing: their deliveries exist (whatever their state).
        created = await self._deliveries.insert_new(pending)
        if any(held is None for _, held in pending):
            self._worker.notify()  # stored unleased: the claim loop takes them when it can
        return created, lease
