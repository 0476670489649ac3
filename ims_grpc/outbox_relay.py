"""Relays the inventory outbox (migration 0004) to Kafka as `ims.v1.InventoryChanged`.

The stock movements that raise availability write their event rows in the same statement as
the change (see `repositories/outbox.py`); this relay gets them out:

- **claim, publish, delete**: one transaction claims (and deletes) a batch of the oldest rows
  with FOR UPDATE SKIP LOCKED, publishes them (value: the serialized InventoryChanged, key:
  "{hub_id}/{sku_id}"), waits until Kafka acknowledged every one, and only then commits. Any
  failure before the commit — Kafka down, a timeout, a crash, shutdown — rolls back: the rows
  stay pending. A crash between Kafka's acknowledgement and the commit publishes them again:
  delivery is **at least once**, and consumers de-duplicate on event_id.
- **several replicas**: SKIP LOCKED gives concurrent relays disjoint batches; no row is
  published by two relays (short of the at-least-once case above). With one relay the events
  of a (hub, SKU) — one Kafka partition — go out in the order of the movements; with several,
  two relays' batches may interleave, so an older event of a (hub, SKU) can follow a newer
  one. The levels carried are a hint: a consumer re-reads the level before acting on it.
- **wake-up**: a dedicated connection LISTENs for the NOTIFY the outbox trigger sends on
  commit, so a pass starts right after a change; a poll every `poll_interval_s` covers a
  missed notification or a lost LISTEN connection.
- **outages**: Kafka is connected lazily — only once there is something to publish — and
  after a failure the producer is dropped and the pass retried with a doubling delay (up to
  `max_retry_delay_s`). Meanwhile the rows simply wait in PostgreSQL.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable

from ims.v1 import events_pb2

from common.clients.kafka import KafkaProducer, OutgoingRecord
from common.metrics import OUTBOX_BACKLOG, OUTBOX_PUBLISHED
from common.tasks import cancel_and_wait
from common.timestamps import to_timestamp
from ims_grpc.repositories.outbox import InventoryOutboxRepository, OutboxEvent

log = logging.getLogger(__name__)

EVENT_TYPE = "inventory.changed"
MIN_RETRY_DELAY_S = 0.5
_CLOSE_TIMEOUT_S = 5.0


def event_key(hub_id: object, sku_id: object) -> bytes:
    """The Kafka key of a (hub, SKU)'s events: all of them land on one partition, in order."""
    return f"{hub_id}/{sku_id}".encode()


def inventory_changed(event: OutboxEvent) -> events_pb2.InventoryChanged:
    return events_pb2.InventoryChanged(
        event_id=str(event.event_id),
        occur_time=to_timestamp(event.occur_time),
        tenant_id=str(event.tenant_id),
        hub_id=str(event.hub_id),
        sku_id=str(event.sku_id),
        quantity_on_hand=event.quantity_on_hand,
        quantity_available=event.quantity_available,
        reference=event.reference,
        trace_id=event.trace_id,
    )


def outgoing_record(event: OutboxEvent, topic: str) -> OutgoingRecord:
    """The Kafka record of an outbox row (headers as the OMS events have them)."""
    headers = {"event-type": EVENT_TYPE.encode()}
    if event.trace_id:
        headers["trace-id"] = event.trace_id.encode()
    return OutgoingRecord(
        topic=topic,
        value=inventory_changed(event).SerializeToString(),
        key=event_key(event.hub_id, event.sku_id),
        headers=headers,
    )


async def _wait(event: asyncio.Event, timeout_s: float) -> None:
    """Until `event` is set or `timeout_s` has passed, whichever comes first."""
    # asyncio.timeout, not wait_for: on 3.11 wait_for can swallow a cancellation that arrives
    # as the event is set, and the task would never stop.
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(timeout_s):
            await event.wait()


class InventoryOutboxRelay:
    def __init__(
        self,
        outbox: InventoryOutboxRepository,
        connect: Callable[[], Awaitable[KafkaProducer]],
        *,
        topic: str,
        batch_size: int = 500,
        poll_interval_s: float = 1.0,
        publish_timeout_s: float = 30.0,
        max_retry_delay_s: float = 10.0,
        stop_timeout_s: float = 10.0,
    ) -> None:
        self._outbox = outbox
        self._connect = connect
        self._producer: KafkaProducer | None = None
        self._topic = topic
        self._batch_size = batch_size
        self._poll_interval_s = poll_interval_s
        self._publish_timeout_s = publish_timeout_s
        self._max_retry_delay_s = max(max_retry_delay_s, MIN_RETRY_DELAY_S)
        self._stop_timeout_s = stop_timeout_s
        self._wake = asyncio.Event()
        self._running = False

    def wake(self) -> None:
        """Start a pass now (the LISTEN callback; also usable by an in-process writer)."""
        self._wake.set()

    async def relay_once(self) -> int:
        """Publish one batch of the oldest pending events; returns how many were published.

        Raises when Kafka or PostgreSQL fails; the batch then stays pending.
        """
        producer = self._producer
        if producer is None:
            if not await self._outbox.has_pending():
                return 0  # no Kafka connection (and no outage to report) while there is none
            async with asyncio.timeout(self._publish_timeout_s):
                producer = self._producer = await self._connect()
        async with self._outbox.claim(self._batch_size) as events:
            if events:
                records = [outgoing_record(event, self._topic) for event in events]
                async with asyncio.timeout(self._publish_timeout_s):
                    await producer.send_many(records)  # returns once all are acknowledged
        # Committed: the batch has left the outbox.
        return len(events)

    async def run(self, stop: asyncio.Event) -> None:
        """Relay until `stop` is set (`running` sets it); failures are logged and retried."""
        delay = MIN_RETRY_DELAY_S
        failing = False
        while not stop.is_set():
            self._wake.clear()  # a notification from here on means another pass
            try:
                published = await self.relay_once()
            except Exception as exc:
                if failing:
                    log.warning(
                        "inventory outbox relay still failing: %r; retrying in %.1f s", exc, delay
                    )
                else:
                    log.exception("inventory outbox relay failed; retrying in %.1f s", delay)
                failing = True
                await self._disconnect()
                await _wait(stop, delay)
                delay = min(2 * delay, self._max_retry_delay_s)
                continue
            if failing:
                log.info("inventory outbox relay recovered")
                failing, delay = False, MIN_RETRY_DELAY_S
            if published:
                log.debug("inventory events published", extra={"count": published})
                OUTBOX_PUBLISHED.labels("ims").inc(published)
            with contextlib.suppress(Exception):  # a gauge is not worth failing a pass for
                OUTBOX_BACKLOG.labels("ims").set(await self._outbox.pending_count())
            if published < self._batch_size:  # a full batch: more is probably waiting
                await _wait(self._wake, self._poll_interval_s)

    async def listen(self) -> None:
        """Keep a LISTEN connection open (until cancelled): each notification wakes `run`. A
        lost connection is opened again; meanwhile `run` polls."""
        delay = MIN_RETRY_DELAY_S
        while True:
            try:
                async with self._outbox.notifications(self.wake) as lost:
                    delay = MIN_RETRY_DELAY_S
                    self.wake()  # catch up with what was committed while nobody listened
                    await lost.wait()
                log.warning("inventory outbox LISTEN connection lost; reconnecting")
            except Exception:
                log.warning(
                    "inventory outbox LISTEN failed; polling every %.1f s meanwhile",
                    self._poll_interval_s,
                    exc_info=True,
                )
            await asyncio.sleep(delay)
            delay = min(2 * delay, self._max_retry_delay_s)

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        """Relay (and listen) in the background for the duration of the block. On exit the
        current batch may finish (cancelled — and so rolled back — after `stop_timeout_s`);
        both tasks are stopped and awaited, and the Kafka producer is closed."""
        if self._running:
            raise RuntimeError("this inventory outbox relay is already running")
        self._running = True
        stop = asyncio.Event()
        relay = asyncio.create_task(self.run(stop), name="inventory-outbox-relay")
        listener = asyncio.create_task(self.listen(), name="inventory-outbox-listener")
        try:
            yield
        finally:
            stop.set()
            self.wake()
            await asyncio.wait([relay], timeout=self._stop_timeout_s)
            if not relay.done():
                log.warning("inventory outbox relay cancelled after %.1f s", self._stop_timeout_s)
            await cancel_and_wait(relay)
            await cancel_and_wait(listener)
            await self._disconnect()
            self._running = False

    async def close(self) -> None:
        """Close the Kafka producer, if connected (`running` does it on exit)."""
        await self._disconnect()

    async def _disconnect(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            with contextlib.suppress(Exception):
                async with asyncio.timeout(_CLOSE_TIMEOUT_S):
                    await producer.close()
