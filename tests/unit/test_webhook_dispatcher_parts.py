"""Dispatcher parts without I/O: lanes (fair, bounded concurrency), the subscription cache,
event decoding, the secret box."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.fernet import Fernet
from oms.v1 import events_pb2, order_pb2

from common.clients.kafka import Message
from common.settings import KafkaSettings
from consumers.event_loop import PoisonMessageError
from consumers.webhook_dispatcher.endpoint_health import EndpointHealth, disabled_reason
from consumers.webhook_dispatcher.events import EventTopics, decode_event
from consumers.webhook_dispatcher.lanes import Lanes
from consumers.webhook_dispatcher.subscriptions import SubscriptionCache
from oms_grpc.core.domain.webhook_secrets import new_signing_secret
from oms_grpc.core.domain.webhooks import SigningSecret, WebhookTarget
from oms_grpc.core.secret_box import SealedSecretError, SecretBox, SecretKeyError

# --- lanes ---------------------------------------------------------------------------------


async def test_a_stuck_lane_holds_only_its_own_slots() -> None:
    stuck = asyncio.Event()
    done: list[str] = []

    async def run(job: str) -> None:
        if job.startswith("slow"):
            await stuck.wait()
        done.append(job)

    lanes: Lanes[str] = Lanes(run, total=4, per_lane=2, max_queued_per_lane=100)
    for n in range(5):
        lanes.submit("slow", f"slow-{n}")
    for n in range(10):
        lanes.submit("fast", f"fast-{n}")
    for _ in range(100):
        await asyncio.sleep(0)
    assert done == [f"fast-{n}" for n in range(10)]  # all of them, in order
    assert lanes.in_flight == 2 and lanes.queued == 3  # slow: 2 running, 3 waiting
    stuck.set()
    await lanes.wait_idle()
    assert sorted(done) == sorted(
        [f"fast-{n}" for n in range(10)] + [f"slow-{n}" for n in range(5)]
    )
    assert await lanes.close(0) == []


async def test_lanes_take_turns_and_respect_the_total() -> None:
    order: list[str] = []
    running = 0
    peak = 0

    async def run(job: str) -> None:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        order.append(job)
        await asyncio.sleep(0)
        running -= 1

    # One slot in all: a lane with a backlog does not get it twice in a row while others wait.
    lanes: Lanes[str] = Lanes(run, total=1, per_lane=3, max_queued_per_lane=5)
    for job in ("a0", "a1", "a2", "b0", "c0"):
        lanes.submit(job[0], job)
    assert lanes.room("a") == 3  # a0 started; a1, a2 wait
    await lanes.wait_idle()
    assert order == ["a0", "a1", "b0", "c0", "a2"]
    assert peak == 1


async def test_closing_returns_what_did_not_run() -> None:
    forever = asyncio.Event()

    async def run(job: str) -> None:
        await forever.wait()

    lanes: Lanes[str] = Lanes(run, total=1, per_lane=1, max_queued_per_lane=10)
    lanes.submit("a", "first")
    lanes.submit("a", "second")
    await asyncio.sleep(0)
    assert sorted(await lanes.close(0.01)) == ["first", "second"]
    with pytest.raises(RuntimeError):
        lanes.submit("a", "third")
    assert lanes.room("b") == 10


# --- subscription cache --------------------------------------------------------------------


def _target(
    webhook_id: str, *, active: bool = True, types: Sequence[str] = ("order.created",)
) -> WebhookTarget:
    return WebhookTarget(
        id=webhook_id,
        tenant_id="t1",
        url="https://example.com",
        event_types=tuple(types),
        headers=(),
        active=active,
        secrets=(SigningSecret(new_signing_secret()),),
    )


class FakeRegistry:
    def __init__(self) -> None:
        self.targets: list[WebhookTarget] = []
        self.loads = 0
        self.gate: asyncio.Event | None = None

    async def load(self, tenant_id: str) -> list[WebhookTarget]:
        self.loads += 1
        if self.gate is not None:
            await self.gate.wait()
        return list(self.targets)


async def test_the_cache_keeps_a_tenant_for_its_ttl() -> None:
    now = [100.0]
    registry = FakeRegistry()
    registry.targets = [
        _target("w1"),
        _target("w2", active=False),
        _target("w3", types=["order.updated"]),
    ]
    cache = SubscriptionCache(registry.load, ttl_s=5, clock=lambda: now[0])
    assert [t.id for t in await cache.subscribers("t1", "order.created")] == ["w1"]
    assert [t.id for t in await cache.subscribers("t1", "order.updated")] == ["w3"]
    assert registry.loads == 1
    registry.targets = [_target("w4")]
    now[0] += 4.9
    assert [t.id for t in await cache.subscribers("t1", "order.created")] == ["w1"]  # cached
    now[0] += 0.2
    assert [t.id for t in await cache.subscribers("t1", "order.created")] == ["w4"]  # reloaded
    assert registry.loads == 2
    cache.invalidate("t1")
    await cache.targets("t1")
    assert registry.loads == 3


async def test_the_cache_loads_once_for_concurrent_misses() -> None:
    registry = FakeRegistry()
    registry.targets = [_target("w1")]
    registry.gate = asyncio.Event()
    cache = SubscriptionCache(registry.load, ttl_s=5)
    waiting = [asyncio.create_task(cache.targets("t1")) for _ in range(20)]
    await asyncio.sleep(0)
    registry.gate.set()
    results = await asyncio.gather(*waiting)
    assert registry.loads == 1 and all(r == results[0] for r in results)
    await cache.close()


async def test_a_webhook_missing_from_an_old_entry_is_looked_up_again() -> None:
    now = [0.0]
    registry = FakeRegistry()
    registry.targets = [_target("w1")]
    cache = SubscriptionCache(registry.load, ttl_s=5, clock=lambda: now[0])
    assert await cache.webhook("t1", "w1") is not None
    registry.targets = [_target("w1"), _target("w2")]
    assert await cache.webhook("t1", "w2") is None  # the entry is fresh: no reload
    now[0] += 1
    found = await cache.webhook("t1", "w2")  # created since the entry was loaded
    assert found is not None and found.id == "w2" and registry.loads == 2


# --- events --------------------------------------------------------------------------------

KAFKA = KafkaSettings(topic_order_created="t.created", topic_order_updated="t.updated")


def _message(topic: str, value: bytes, headers: dict[str, bytes] | None = None) -> Message:
    return Message(topic, 0, 1, b"o-1", value, headers or {})


def test_events_decode_to_canonical_json() -> None:
    event = events_pb2.OrderUpdated(
        event_id="e-1",
        tenant_id="t-1",
        order=order_pb2.Order(id="o-1", status=order_pb2.ORDER_STATUS_NEW_ORDER),
        previous_status=order_pb2.ORDER_STATUS_ON_HOLD,
        trace_id="from-event",
    )
    decoded = decode_event(
        _message("t.updated", event.SerializeToString(), {"trace-id": b"from-header"}),
        EventTopics.from_settings(KAFKA),
    )
    assert (decoded.event_type, decoded.event_id, decoded.tenant_id, decoded.trace_id) == (
        "order.updated",
        "e-1",
        "t-1",
        "from-header",
    )
    assert decoded.payload == (
        '{"eventId":"e-1","tenantId":"t-1","order":{"id":"o-1","status":'
        '"ORDER_STATUS_NEW_ORDER"},"previousStatus":"ORDER_STATUS_ON_HOLD","traceId":"from-event"}'
    )


@pytest.mark.parametrize(
    ("topic", "value"),
    [
        ("t.created", b"\xff\xff\xff"),  # not protobuf
        ("t.created", events_pb2.OrderCreated(tenant_id="t").SerializeToString()),  # no id
        ("elsewhere", events_pb2.OrderCreated(event_id="e", tenant_id="t").SerializeToString()),
    ],
)
def test_what_is_not_an_order_event_is_poison(topic: str, value: bytes) -> None:
    with pytest.raises(PoisonMessageError):
        decode_event(_message(topic, value), EventTopics.from_settings(KAFKA))


# --- secret box ----------------------------------------------------------------------------


def test_secrets_are_sealed_and_keys_rotate() -> None:
    old_key, new_key = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    secret = new_signing_secret()
    sealed = SecretBox([old_key]).seal(secret)
    assert secret not in sealed and not sealed.startswith("whsec_")
    assert SecretBox([new_key, old_key]).open(sealed) == secret  # an older key still reads
    with pytest.raises(SealedSecretError):
        SecretBox([new_key]).open(sealed)
    assert SecretBox([new_key]).open(secret) == secret  # legacy plaintext passes through
    for bad in ([], ["not a key"]):
        with pytest.raises(SecretKeyError):
            SecretBox(bad)


# --- endpoint health -----------------------------------------------------------------------


class FakeHealthRegistry:
    def __init__(self) -> None:
        self.failing_since: datetime | None = None
        self.active = True
        self.writes: list[str] = []

    async def mark_failing(self, webhook_id: str, since: datetime) -> datetime | None:
        self.writes.append("mark")
        if self.failing_since is None:
            self.failing_since = since
        return self.failing_since

    async def clear_failing(self, webhook_id: str) -> None:
        self.writes.append("clear")
        self.failing_since = None

    async def disable(
        self, webhook_id: str, *, failing_since: datetime, reason: str, now: datetime
    ) -> bool:
        self.writes.append("disable")
        if not self.active or failing_since != self.failing_since:
            return False
        self.active = False
        return True


async def test_a_webhook_failing_for_the_period_is_disabled_and_successes_cost_no_writes() -> None:
    registry = FakeHealthRegistry()
    invalidated: list[str] = []
    cache = SubscriptionCache(FakeRegistry().load, ttl_s=5)
    cache.invalidate = invalidated.append  # type: ignore[method-assign]
    health = EndpointHealth(registry, cache, disable_after=timedelta(minutes=10))  # type: ignore[arg-type]
    target = _target("w1")
    t0 = datetime(2025, 3, 1, tzinfo=UTC)
    await health.succeeded(target)
    assert registry.writes == []  # healthy: nothing to write
    await health.failed(target, t0, "HTTP 500")
    await health.failed(target, t0 + timedelta(minutes=5), "HTTP 500")
    assert registry.writes == ["mark"] and registry.failing_since == t0
    await health.failed(target, t0 + timedelta(minutes=10), "HTTP 503")
    assert registry.writes == ["mark", "disable"] and not registry.active
    assert invalidated == ["t1"]

    # Recovery: the cached entry still shows the streak; it is cleared once, not per success.
    registry.active, registry.writes = True, []
    stale = dataclasses.replace(target, failing_since=t0)
    await health.succeeded(stale)
    await health.succeeded(stale)
    assert registry.writes == ["clear"] and registry.failing_since is None


def test_the_disabled_reason_says_why_and_since_when() -> None:
    since = datetime(2025, 3, 1, tzinfo=UTC)
    reason = disabled_reason(since, since + timedelta(days=3), "HTTP 503")
    assert reason == (
        "every delivery attempt failed for 72.0 h (since 2025-03-01T00:00:00+00:00); "
        "last error: HTTP 503"
    )
