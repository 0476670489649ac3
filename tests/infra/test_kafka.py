"""KafkaProducer/KafkaConsumer against the real KRaft broker of the stack."""

from __future__ import annotations

import asyncio

from common.clients.kafka import KafkaConsumer, KafkaProducer, Message
from common.settings import KafkaSettings


async def _take(consumer: KafkaConsumer, count: int, timeout_s: float = 30.0) -> list[Message]:
    taken: list[Message] = []

    async def collect() -> None:
        async for batch in consumer.batches(timeout_ms=200):
            taken.extend(batch)
            if len(taken) >= count:
                return

    await asyncio.wait_for(collect(), timeout_s)
    return taken


async def test_group_resumes_after_the_last_manual_commit(kafka_settings: KafkaSettings) -> None:
    topic = kafka_settings.topic_order_created
    producer = await KafkaProducer.start(kafka_settings)
    try:
        for n in range(5):
            # One key → one partition → a total order we can assert on.
            await producer.send(
                topic, f"event-{n}".encode(), key=b"order-1", headers={"trace-id": b"t1"}
            )
    finally:
        await producer.close()

    group = f"{topic}-group"
    first = await KafkaConsumer.start(kafka_settings, [topic], group)
    try:
        received = await _take(first, 5)
        assert [m.value for m in received] == [f"event-{n}".encode() for n in range(5)]
        assert received[0].key == b"order-1"
        assert received[0].headers == {"trace-id": b"t1"}
        # Only the first three effects are "durable": commit just those.
        await first.commit(received[:3])
    finally:
        await first.close()

    second = await KafkaConsumer.start(kafka_settings, [topic], group)
    try:
        redelivered = await _take(second, 2)
        assert [m.value for m in redelivered] == [b"event-3", b"event-4"]
    finally:
        await second.close()
