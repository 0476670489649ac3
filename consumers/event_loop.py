"""A Kafka consumer-group loop with at-least-once effects, retries and a dead-letter topic.

For each batch the loop handles every message, then commits the batch's offsets: an offset
is committed only after its effect is durable (or the message was set aside), so a crash
re-delivers, and handlers must be idempotent.

Per message:
- handled                          → done;
- `PoisonMessageError` (cannot be  → sent to the dead-letter topic at once, with the error;
  parsed, or refused for good)
- an outage (IMS or MongoDB        → retried with exponential backoff and full jitter for as
  unavailable, a deadline: the       long as `RetryPolicy.outage_s` (15 min): every message
  loop's `is_outage`)                would fail the same way, and setting them all aside
                                     would leave orders waiting for a manual redrive after
                                     the dependency is back; then dead-lettered;
- any other exception               → retried the same way up to `RetryPolicy.attempts`; then
                                     dead-lettered with the last error. Both bounded, so one
                                     message never blocks its partition for longer than the
                                     policy allows.

Messages with the same key (the same order, the same hub/SKU) are handled one after the
other in offset order; different keys run concurrently up to `concurrency`. If the dead-letter
topic cannot be written either, the batch is not committed: the loop reconnects and the
messages come again.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from common.clients.kafka import KafkaConsumer, LazyProducer, Message, OutgoingRecord
from common.dead_letters import LetterOrigin, letter_headers
from common.metrics import CONSUMER_LAG, CONSUMER_MESSAGES, CONSUMER_SECONDS

log = logging.getLogger(__name__)


class PoisonMessageError(Exception):
    """The message can never be handled (unparseable, or refused for good)."""


class MessageHandler(Protocol):
    async def __call__(self, message: Message) -> None: ...


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 8
    first_delay_s: float = 0.2
    max_delay_s: float = 10.0
    # How long an outage is waited out before the message is set aside anyway.
    outage_s: float = 900.0

    def delay_s(self, failures: int, rng: random.Random | None = None) -> float:
        """Full jitter: uniform in [0, min(max, first * 2^(failures-1))]."""
        ceiling = min(self.max_delay_s, self.first_delay_s * 2 ** max(0, failures - 1))
        return (rng or random).uniform(0, ceiling)


@dataclass(frozen=True)
class DeadLetter:
    message: Message
    error: str
    attempts: int


def dead_letter_record(topic: str, consumer: str, letter: DeadLetter) -> OutgoingRecord:
    """The original value and headers, plus where it came from and why it was set aside."""
    source = letter.message
    origin = LetterOrigin(
        topic=source.topic,
        partition=source.partition,
        offset=source.offset,
        consumer=consumer,
        error=letter.error,
        attempts=letter.attempts,
    )
    return OutgoingRecord(
        topic=topic,
        value=source.value,
        key=source.key,
        headers=letter_headers(source.headers, origin),
    )


class DeadLetters:
    """Sets messages aside on the dead-letter topic, through a producer started when first
    needed (and again after a failed send); `close()` stops it."""

    def __init__(self, producer: LazyProducer, topic: str, consumer: str) -> None:
        self._producer = producer
        self._topic = topic
        self._consumer = consumer

    async def send(self, letters: Sequence[DeadLetter]) -> None:
        await self._producer.send_many(
            [dead_letter_record(self._topic, self._consumer, x) for x in letters]
        )

    async def close(self) -> None:
        await self._producer.close()


async def consume_batches(
    name: str,
    connect: Callable[[], Awaitable[KafkaConsumer]],
    handle_batch: Callable[[Sequence[Message]], Awaitable[None]],
    *,
    reconnect_delay_s: float = 2.0,
) -> None:
    """Join the group, hand each batch over, commit once it is handled; until cancelled.
    Broker outages and failed commits (e.g. after a rebalance) reconnect: the uncommitted
    messages come again, to this member or another."""
    while True:
        try:
            consumer = await connect()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.warning("%s: cannot join the consumer group; retrying", name)
            await asyncio.sleep(reconnect_delay_s)
            continue
        try:
            async for batch in consumer.batches(timeout_ms=500):
                await handle_batch(batch)
                await consumer.commit(batch)
                for (topic, partition), lag in consumer.lag(batch).items():
                    CONSUMER_LAG.labels(name, topic, str(partition)).set(lag)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("%s: consumer loop failed; reconnecting", name)
            await asyncio.sleep(reconnect_delay_s)
        finally:
            await consumer.close()


class EventLoop:
    def __init__(
        self,
        *,
        name: str,
        connect: Callable[[], Awaitable[KafkaConsumer]],
        handler: MessageHandler,
        dead_letters: DeadLetters,
        retry: RetryPolicy,
        is_outage: Callable[[BaseException], bool] = lambda _: False,
        concurrency: int = 16,
        reconnect_delay_s: float = 2.0,
    ) -> None:
        """`is_outage`: whether a handler's exception means a dependency is down (waited
        out for `retry.outage_s`) rather than a problem of the message (`retry.attempts`)."""
        self._name = name
        self._is_outage = is_outage
        self._connect = connect
        self._handler = handler
        self._retry = retry
        self._slots = asyncio.Semaphore(concurrency)
        self._reconnect_delay_s = reconnect_delay_s
        self._dead_letters = dead_letters

    async def run(self) -> None:
        """Consume until cancelled; broker outages are retried, never fatal."""
        try:
            await consume_batches(
                self._name,
                self._connect,
                self.handle_batch,
                reconnect_delay_s=self._reconnect_delay_s,
            )
        finally:
            await self._dead_letters.close()

    async def handle_batch(self, batch: Sequence[Message]) -> None:
        """Handle every message of `batch` (each key in order); dead letters are written
        before this returns."""
        by_key: dict[tuple[str, int, bytes | None], list[Message]] = {}
        for message in batch:
            by_key.setdefault((message.topic, message.partition, message.key), []).append(message)
        letters: list[DeadLetter] = []
        async with asyncio.TaskGroup() as group:
            for messages in by_key.values():
                group.create_task(self._handle_in_order(messages, letters))
        if letters:
            await self._dead_letters.send(letters)

    async def _handle_in_order(self, messages: list[Message], letters: list[DeadLetter]) -> None:
        async with self._slots:
            for message in messages:
                letter = await self._handle_with_retries(message)
                if letter is not None:
                    letters.append(letter)

    async def _handle_with_retries(self, message: Message) -> DeadLetter | None:
        started = time.perf_counter()
        try:
            letter = await self._try_until_done(message)
        finally:
            CONSUMER_SECONDS.labels(self._name, message.topic).observe(
                time.perf_counter() - started
            )
        outcome = "handled" if letter is None else "dead_lettered"
        CONSUMER_MESSAGES.labels(self._name, message.topic, outcome).inc()
        return letter

    async def _try_until_done(self, message: Message) -> DeadLetter | None:
        failures = 0  # of any kind: the backoff grows with them
        counted = 0  # those that are not outages: bounded by retry.attempts
        outage_since: float | None = None
        while True:
            try:
                await self._handler(message)
                return None
            except asyncio.CancelledError:
                raise
            except PoisonMessageError as exc:
                log.error(
                    "%s: poison message set aside: %s",
                    self._name,
                    exc,
                    extra=_where(message),
                )
                return DeadLetter(message, f"{type(exc).__name__}: {exc}", failures + 1)
            except Exception as exc:
                failures += 1
                if self._is_outage(exc):
                    outage_since = outage_since or time.monotonic()
                    given_up = time.monotonic() - outage_since >= self._retry.outage_s
                else:
                    counted += 1
                    given_up = counted >= self._retry.attempts
                if given_up:
                    log.error(
                        "%s: message failed %d times; set aside",
                        self._name,
                        failures,
                        exc_info=exc,
                        extra=_where(message),
                    )
                    return DeadLetter(message, f"{type(exc).__name__}: {exc}", failures)
                delay = self._retry.delay_s(failures)
                CONSUMER_MESSAGES.labels(self._name, message.topic, "retried").inc()
                log.warning(
                    "%s: message failed (%s); retry %d in %.2f s",
                    self._name,
                    type(exc).__name__,
                    failures,
                    delay,
                    extra=_where(message),
                )
                await asyncio.sleep(delay)


def _where(message: Message) -> dict[str, object]:
    return {"topic": message.topic, "partition": message.partition, "offset": message.offset}
