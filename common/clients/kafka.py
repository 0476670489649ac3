"""aiokafka producer/consumer wrappers with at-least-once defaults.

aiokafka's defaults differ from the Java client (acks=1, no idempotence, auto-commit every
5 s); these wrappers switch to acks=all + idempotence and manual commits after the effect.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRecord, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.coordinator.protocol import ConsumerProtocolMemberAssignment
from aiokafka.errors import GroupCoordinatorNotAvailableError, TopicAlreadyExistsError

from common.settings import KafkaSettings


@dataclass(frozen=True)
class OutgoingRecord:
    topic: str
    value: bytes
    key: bytes | None = None
    headers: Mapping[str, bytes] | None = None


@dataclass(frozen=True)
class Message:
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes
    headers: dict[str, bytes]
    # The record's timestamp (producer's create time unless the topic says otherwise).
    timestamp_ms: int | None = None


class KafkaProducer:
    def __init__(self, producer: AIOKafkaProducer) -> None:
        self._producer = producer

    @classmethod
    async def start(cls, settings: KafkaSettings) -> KafkaProducer:
        producer = AIOKafkaProducer(
            bootstrap_servers=settings.bootstrap_servers,
            client_id=settings.client_id,
            acks="all",
            enable_idempotence=True,
            linger_ms=5,
            compression_type=None
            if settings.compression_type == "none"
            else settings.compression_type,
            max_batch_size=settings.max_batch_bytes,
        )
        try:
            await producer.start()
        except BaseException:
            # A failed start (broker unreachable, or cancelled) leaves aiokafka's client open; a
            # caller retrying through an outage would leak one per attempt ("Unclosed
            # AIOKafkaProducer" on garbage collection).
            with contextlib.suppress(Exception):
                await producer.stop()
            raise
        return cls(producer)

    async def send(
        self,
        topic: str,
        value: bytes,
        *,
        key: bytes | None = None,
        headers: Mapping[str, bytes] | None = None,
    ) -> tuple[int, int]:
        """Publish and wait for the broker's acknowledgement; returns (partition, offset)."""
        metadata = await self._producer.send_and_wait(
            topic, value, key=key, headers=list((headers or {}).items())
        )
        return metadata.partition, metadata.offset

    async def send_many(self, records: Sequence[OutgoingRecord]) -> None:
        """Publish a batch, pipelined; returns once the broker acknowledged every record."""
        pending = [
            await self._producer.send(
                r.topic, r.value, key=r.key, headers=list((r.headers or {}).items())
            )
            for r in records
        ]
        await asyncio.gather(*pending)

    async def close(self) -> None:
        await self._producer.stop()


class LazyProducer:
    """A producer started on the first send (and again after a failed one), for a process
    that sends rarely; `close()` stops it if it ever started."""

    def __init__(self, settings: KafkaSettings) -> None:
        self._settings = settings
        self._producer: KafkaProducer | None = None
        self._starting = asyncio.Lock()

    async def send(
        self,
        topic: str,
        value: bytes,
        *,
        key: bytes | None = None,
        headers: Mapping[str, bytes] | None = None,
    ) -> tuple[int, int]:
        producer = await self._started()
        try:
            return await producer.send(topic, value, key=key, headers=headers)
        except BaseException:
            await self.close()
            raise

    async def send_many(self, records: Sequence[OutgoingRecord]) -> None:
        producer = await self._started()
        try:
            await producer.send_many(records)
        except BaseException:
            await self.close()
            raise

    async def _started(self) -> KafkaProducer:
        async with self._starting:
            if self._producer is None:
                self._producer = await KafkaProducer.start(self._settings)
            return self._producer

    async def close(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            await producer.close()


class KafkaConsumer:
    """A consumer-group member that commits only when told to (after the effect is durable)."""

    def __init__(self, consumer: AIOKafkaConsumer) -> None:
        self._consumer = consumer

    @classmethod
    async def start(
        cls,
        settings: KafkaSettings,
        topics: Sequence[str],
        group_id: str,
        *,
        max_poll_records: int = 100,
    ) -> KafkaConsumer:
        consumer = AIOKafkaConsumer(
            *topics,
            bootstrap_servers=settings.bootstrap_servers,
            client_id=settings.client_id,
            group_id=group_id,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            max_poll_records=max_poll_records,
            isolation_level="read_committed",
        )
        await consumer.start()
        return cls(consumer)

    async def batches(self, timeout_ms: int = 1000) -> AsyncIterator[list[Message]]:
        """Yield batches of messages forever (empty batches are skipped)."""
        while True:
            by_partition = await self._consumer.getmany(timeout_ms=timeout_ms)
            batch = [to_message(r) for records in by_partition.values() for r in records]
            if batch:
                yield batch

    async def commit(self, messages: Sequence[Message]) -> None:
        """Commit past the highest offset of each partition in `messages`."""
        offsets: dict[TopicPartition, int] = {}
        for message in messages:
            tp = TopicPartition(message.topic, message.partition)
            offsets[tp] = max(offsets.get(tp, -1), message.offset + 1)
        if offsets:
            await self._consumer.commit(offsets)

    def lag(self, messages: Sequence[Message]) -> dict[tuple[str, int], int]:
        """Per partition of `messages`: how far the last of them is behind the partition's
        high watermark, as this member last heard it (no broker round trip)."""
        last: dict[tuple[str, int], int] = {}
        for message in messages:
            key = (message.topic, message.partition)
            last[key] = max(last.get(key, -1), message.offset)
        lags: dict[tuple[str, int], int] = {}
        for (topic, partition), offset in last.items():
            highwater = self._consumer.highwater(TopicPartition(topic, partition))
            if highwater is not None:
                lags[(topic, partition)] = max(0, highwater - offset - 1)
        return lags

    async def close(self) -> None:
        await self._consumer.stop()


def to_message(record: ConsumerRecord[bytes, bytes]) -> Message:
    return Message(
        topic=record.topic,
        partition=record.partition,
        offset=record.offset,
        key=record.key,
        value=record.value or b"",
        headers={k: bytes(v) for k, v in record.headers},
        timestamp_ms=record.timestamp,
    )


@contextlib.asynccontextmanager
async def _admin(settings: KafkaSettings) -> AsyncIterator[AIOKafkaAdminClient]:
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers)
    await admin.start()
    try:
        yield admin
    finally:
        await admin.close()


async def partitions_of(settings: KafkaSettings, topic: str) -> list[int]:
    """The topic's partition numbers, sorted; empty when there is no such topic."""
    async with _admin(settings) as admin:
        described = await admin.describe_topics([topic])
    return sorted(
        partition["partition"]
        for found in described
        if found.get("topic") == topic and not found.get("error_code")
        for partition in found.get("partitions", [])
    )


@dataclass(frozen=True)
class GroupState:
    """A consumer group as its coordinator describes it."""

    state: str  # "Stable", "PreparingRebalance", "CompletingRebalance", "Empty", "Dead", …
    # member id -> the (topic, partition)s assigned to it (none while a rebalance runs)
    assignments: dict[str, tuple[tuple[str, int], ...]]

    @property
    def stable(self) -> bool:
        return self.state == "Stable"

    @property
    def members(self) -> int:
        return len(self.assignments)

    def assigned(self) -> list[tuple[str, int]]:
        """Every assigned (topic, partition), sorted."""
        return sorted(tp for partitions in self.assignments.values() for tp in partitions)


async def describe_group(settings: KafkaSettings, group_id: str) -> GroupState:
    """The group's state and its members' partitions; "Unknown" while the broker cannot
    tell, "Dead" with no members for a group nobody ever joined."""
    async with _admin(settings) as admin:
        try:
            responses = await admin.describe_consumer_groups([group_id])
        except GroupCoordinatorNotAvailableError:
            # A new group has no coordinator until its first member asks for one (and the
            # broker may still be creating __consumer_offsets): nobody has joined yet.
            return GroupState(state="Unknown", assignments={})
    for response in responses:
        for group in response.to_object()["groups"]:
            if group["group"] != group_id:
                continue
            assignments = {}
            for member in group["members"]:
                raw: bytes = member["member_assignment"]
                assigned = ConsumerProtocolMemberAssignment.decode(raw).partitions() if raw else []
                assignments[str(member["member_id"])] = tuple(
                    sorted((tp.topic, tp.partition) for tp in assigned)
                )
            return GroupState(state=str(group["state"]), assignments=assignments)
    return GroupState(state="Dead", assignments={})


async def delete_topics(settings: KafkaSettings, topics: Sequence[str]) -> None:
    """Delete those of `topics` that exist (idempotent)."""
    async with _admin(settings) as admin:
        existing = set(await admin.list_topics())
        doomed = [t for t in topics if t in existing]
        if doomed:
            await admin.delete_topics(doomed)


async def ensure_topics(settings: KafkaSettings, topics: Sequence[str]) -> None:
    """Create `topics` if missing (idempotent)."""
    async with _admin(settings) as admin:
        existing = set(await admin.list_topics())
        missing = [
            NewTopic(t, settings.topic_partitions, settings.topic_replication_factor)
            for t in topics
            if t not in existing
        ]
        if missing:
            with contextlib.suppress(TopicAlreadyExistsError):
                await admin.create_topics(missing)
