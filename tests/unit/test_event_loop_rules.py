"""Pure parts of the Kafka event loop: the retry schedule, outages against other failures,
and dead-letter records."""

from __future__ import annotations

import random
from typing import Any

from common.clients.kafka import LazyProducer, Message
from common.settings import KafkaSettings
from consumers.event_loop import DeadLetter, DeadLetters, EventLoop, RetryPolicy, dead_letter_record


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


class _Failing:
    """A handler failing with `error` the first `times` calls (pure logic: no broker)."""

    def __init__(self, error: Exception, times: int) -> None:
        self.error, self.times, self.calls = error, times, 0

    async def __call__(self, message: Message) -> None:
        self.calls += 1
        if self.calls <= self.times:
            raise self.error


def _loop(handler: _Failing, **policy: float) -> EventLoop:
    async def never() -> Any:
        raise AssertionError("no broker in this test")

    return EventLoop(
        name="test",
        connect=never,
        handler=handler,
        dead_letters=DeadLetters(LazyProducer(KafkaSettings()), "dead", "test"),
        retry=RetryPolicy(attempts=3, first_delay_s=0.001, max_delay_s=0.002, **policy),
        is_outage=lambda exc: isinstance(exc, ConnectionError),
    )


MESSAGE = Message(topic="t", partition=0, offset=1, key=b"k", value=b"v", headers={})


async def test_an_outage_is_waited_out_beyond_the_attempts() -> None:
    handler = _Failing(ConnectionError("IMS is down"), times=20)
    assert await _loop(handler)._handle_with_retries(MESSAGE) is None
    assert handler.calls == 21


async def test_an_outage_longer_than_its_budget_is_set_aside() -> None:
    handler = _Failing(ConnectionError("IMS is down"), times=1000)
    letter = await _loop(handler, outage_s=0.0)._handle_with_retries(MESSAGE)
    assert letter is not None and letter.attempts == 1
    assert letter.error == "ConnectionError: IMS is down"


async def test_other_failures_are_set_aside_after_the_attempts() -> None:
    handler = _Failing(ValueError("bad"), times=1000)
    letter = await _loop(handler)._handle_with_retries(MESSAGE)
    assert letter is not None and letter.attempts == 3 and handler.calls == 3
