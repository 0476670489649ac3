"""Pure parts of the Kafka event loop: the retry schedule and dead-letter records."""

from __future__ import annotations

import random

from common.clients.kafka import Message
from consumers.event_loop import DeadLetter, RetryPolicy, dead_letter_record


def test_backoff_grows_exponentially_with_full_jitter_and_a_cap() -> None:
    policy = RetryPolicy(attempts=10, first_delay_s=0.5, max_delay_s=4.0)
    rng = random.Random(7)
    for failures, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (5, 4.0), (9, 4.0)]:
        delays = [policy.delay_s(failures, rng) for _ in range(200)]
        assert all(0 <= d <= ceiling for d in delays)
        assert max(delays) > ceiling * 0.8  # jitter spans the whole range
        assert min(delays) < ceiling * 0.2


def test_a_dead_letter_keeps_the_message_and_says_where_from_and_why() -> None:
    source = Message(
        topic="order.created",
        partition=2,
        offset=41,
        key=b"o1",
        value=b"\x00payload",
        headers={"event-id": b"e1"},
    )
    record = dead_letter_record(
        "order.dead-letter", "order-finalizer", DeadLetter(source, "Boom: " + "x" * 5000, 3)
    )
    assert (record.topic, record.key, record.value) == ("order.dead-letter", b"o1", b"\x00payload")
    headers = dict(record.headers or {})
    assert headers["event-id"] == b"e1"
    assert headers["source-topic"] == b"order.created"
    assert (headers["source-partition"], headers["source-offset"]) == (b"2", b"41")
    assert headers["dead-letter-consumer"] == b"order-finalizer"
    assert headers["dead-letter-attempts"] == b"3"
    assert headers["dead-letter-error"].startswith(b"Boom: ")
    assert len(headers["dead-letter-error"]) == 2000  # bounded
