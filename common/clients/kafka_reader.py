"""Reading a topic by position, outside any consumer group (nothing is committed): for
tools that look at a topic's records, e.g. the dead-letter admin API."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, TopicPartition

from common.clients.kafka import Message, partitions_of, to_message
from common.settings import KafkaSettings

FETCH_TIMEOUT_MS = 1000


@dataclass(frozen=True)
class TopicPage:
    messages: list[Message]
    # Per partition, the offset the next page starts at.
    next_offsets: dict[int, int]
    # True when the page reached the end of every partition (as it was when read).
    complete: bool


class TopicReader:
    def __init__(self, settings: KafkaSettings) -> None:
        self._settings = settings

    @asynccontextmanager
    async def _consumer(self) -> AsyncIterator[AIOKafkaConsumer]:
        consumer = AIOKafkaConsumer(
            bootstrap_servers=self._settings.bootstrap_servers,
            client_id=self._settings.client_id,
            group_id=None,
            enable_auto_commit=False,
        )
        await consumer.start()
        try:
            yield consumer
        finally:
            await consumer.stop()

    async def page(self, topic: str, starts: Mapping[int, int], limit: int) -> TopicPage:
        """Up to `limit` records, partition by partition (in partition order), each partition
        from its offset in `starts` (its first record when absent) to its end when the read
        began: later records wait for the next page."""
        tps = [TopicPartition(topic, p) for p in await partitions_of(self._settings, topic)]
        if not tps:
            return TopicPage([], {}, True)
        async with self._consumer() as consumer:
            firsts = await consumer.beginning_offsets(tps)
            ends = await consumer.end_offsets(tps)
            positions = {tp.partition: max(starts.get(tp.partition, 0), firsts[tp]) for tp in tps}
            messages: list[Message] = []
            for tp in tps:
                end = ends[tp]
                if len(messages) >= limit or positions[tp.partition] >= end:
                    continue
                consumer.assign([tp])
                consumer.seek(tp, positions[tp.partition])
                while positions[tp.partition] < end and len(messages) < limit:
                    fetched = await consumer.getmany(
                        tp, timeout_ms=FETCH_TIMEOUT_MS, max_records=limit - len(messages)
                    )
                    records = [r for r in fetched.get(tp, []) if r.offset < end]
                    if not records:
                        # Offsets without a record to read (transaction markers, compaction):
                        # the consumer's position moved past them.
                        positions[tp.partition] = max(
                            positions[tp.partition], await consumer.position(tp)
                        )
                        if not fetched:
                            break
                        continue
                    messages.extend(to_message(r) for r in records)
                    positions[tp.partition] = records[-1].offset + 1
            complete = all(positions[tp.partition] >= ends[tp] for tp in tps)
            return TopicPage(messages, positions, complete)

    async def record(self, topic: str, partition: int, offset: int) -> Message | None:
        """The record at (partition, offset); None when there is none (never written, no
        longer kept, or not a record)."""
        if partition not in await partitions_of(self._settings, topic):
            return None
        tp = TopicPartition(topic, partition)
        async with self._consumer() as consumer:
            consumer.assign([tp])
            first = (await consumer.beginning_offsets([tp]))[tp]
            end = (await consumer.end_offsets([tp]))[tp]
            if not first <= offset < end:
                return None
            consumer.seek(tp, offset)
            fetched = await consumer.getmany(tp, timeout_ms=FETCH_TIMEOUT_MS, max_records=1)
            for record in fetched.get(tp, []):
                if record.offset == offset:
                    return to_message(record)
            return None
