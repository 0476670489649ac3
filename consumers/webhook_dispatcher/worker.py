"""Due deliveries → signed HTTP attempts → recorded outcomes.

Work arrives two ways:
- **handed over** by the intake: deliveries it has just stored already leased to this
  worker, attempted at once without reading them back;
- **claimed** from MongoDB: deliveries any worker may take now (a retry that is due, a
  manual retry, a new delivery stored unleased because this worker was full, the lease of a
  crashed dispatcher that ran out). A claim is an update guarded by the delivery's version,
  state and lease (a batch of them is one bulk write), so several dispatchers never attempt
  the same delivery at once while a lease lasts.

The worker looks for claimable deliveries every `poll_interval_s`, and sooner when one of
its own retries falls due. Attempts run in per-webhook lanes (`Lanes`), so a slow endpoint
delays nobody else. Each attempt is recorded on its delivery — with the verdict of the
retry policy — in the same write that releases the lease; attempts that finish together are
written together (`AttemptRecorder`).
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import heapq
import logging
import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from common.ids import new_id
from common.metrics import WEBHOOK_ATTEMPTS
from consumers.webhook_dispatcher.endpoint_health import EndpointHealth
from consumers.webhook_dispatcher.lanes import Lanes
from consumers.webhook_dispatcher.recorder import AttemptRecorder
from consumers.webhook_dispatcher.retry_policy import RetrySchedule
from consumers.webhook_dispatcher.sender import HttpSender
from consumers.webhook_dispatcher.signing import delivery_headers
from consumers.webhook_dispatcher.subscriptions import SubscriptionCache
from oms_grpc.core.domain.webhook_deliveries import AttemptRecord, Delivery, DeliveryState, Lease
from oms_grpc.core.repositories.deliveries import DeliveryLogRepository

log = logging.getLogger(__name__)

# A lease must outlast the attempt it covers; one with less left than the request timeout
# plus this margin is renewed before the attempt starts.
_LEASE_MARGIN = timedelta(seconds=5)
# Bounds of the expected-wait part of a lease (see `new_lease`).
_MIN_RATE = 5.0  # attempts per second assumed before any were measured
_MAX_EXPECTED_WAIT = timedelta(minutes=15)


class _Rate:
    """Attempts finished per second, over the last `window` of them."""

    def __init__(self, window: int = 500) -> None:
        self._times: collections.deque[float] = collections.deque(maxlen=window)

    def tick(self) -> None:
        self._times.append(time.monotonic())

    def per_second(self) -> float:
        if len(self._times) < 2:
            return 0.0
        span = time.monotonic() - self._times[0]
        return len(self._times) / span if span > 0 else 0.0


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class WorkerConfig:
    lease: timedelta = timedelta(seconds=60)
    poll_interval_s: float = 1.0
    claim_batch: int = 200
    request_timeout: timedelta = timedelta(seconds=15)
    max_in_flight: int = 64
    max_in_flight_per_webhook: int = 4
    max_queued_per_webhook: int = 2000
    shutdown_grace_s: float = 5.0
    retry_delay_s: float = 1.0  # after the store failed


class DeliveryWorker:
    def __init__(
        self,
        *,
        deliveries: DeliveryLogRepository,
        subscriptions: SubscriptionCache,
        health: EndpointHealth,
        recorder: AttemptRecorder,
        sender: HttpSender,
        schedule: RetrySchedule,
        config: WorkerConfig,
        rng: random.Random | None = None,
    ) -> None:
        self._deliveries = deliveries
        self._recorder = recorder
        self._subscriptions = subscriptions
        self._health = health
        self._sender = sender
        self._schedule = schedule
        self._config = config
        self._rng = rng or random.Random()
        self._lanes: Lanes[Delivery] = Lanes(
            self._attempt,
            total=config.max_in_flight,
            per_lane=config.max_in_flight_per_webhook,
            max_queued_per_lane=config.max_queued_per_webhook,
        )
        self._wake = asyncio.Event()
        self._retries_due: list[datetime] = []  # heap: when this worker's retries fall due
        self._rate = _Rate()

    # --- for the intake -------------------------------------------------------------------

    def new_lease(self, pending: int = 0) -> Lease:
        """A lease for deliveries about to join this worker's queues (`pending` of them):
        `lease` plus the time the queues ahead of them should take at the recent rate, so
        that a burst is attempted within its lease without renewals, while a crash still
        hands the deliveries to another dispatcher about when they would have been sent."""
        waiting = self._lanes.queued + self._lanes.in_flight + pending
        rate = max(self._rate.per_second(), _MIN_RATE)
        expected = timedelta(seconds=min(waiting / rate, _MAX_EXPECTED_WAIT.total_seconds()))
        return Lease(new_id(), _now() + self._config.lease + expected)

    def room(self, webhook_id: str) -> int:
        """How many more deliveries of `webhook_id` this worker takes in memory now."""
        return self._lanes.room(webhook_id)

    def hand_over(self, deliveries: list[Delivery]) -> None:
        for delivery in deliveries:
            self._lanes.submit(delivery.webhook_id, delivery)

    def notify(self) -> None:
        """Look for claimable deliveries now (e.g. after storing unleased ones)."""
        self._wake.set()

    @property
    def busy(self) -> int:
        return self._lanes.queued + self._lanes.in_flight

    async def wait_idle(self) -> None:
        await self._lanes.wait_idle()

    # --- the claim loop -------------------------------------------------------------------

    async def run(self) -> None:
        """Claim due deliveries until cancelled; store outages are retried, never fatal."""
        while True:
            try:
                found = await self.claim_due()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("claiming due webhook deliveries failed; retrying")
                await asyncio.sleep(self._config.retry_delay_s)
                continue
            if found < self._config.claim_batch:
                await self._sleep()

    async def claim_due(self) -> int:
        """Claim what is due now (as far as the lanes have room); returns how many
        candidates there were."""
        now = _now()
        candidates = await self._deliveries.claimable(
            now, limit=self._config.claim_batch, skip_webhooks=self._lanes.full_lanes()
        )
        room: dict[str, int] = {}
        wanted = []
        for candidate in candidates:
            left = room.setdefault(candidate.webhook_id, self._lanes.room(candidate.webhook_id))
            if left > 0:
                room[candidate.webhook_id] = left - 1
                wanted.append(candidate)
        for claimed in await self._deliveries.claim_many(wanted, self.new_lease(), now):
            self._lanes.submit(claimed.webhook_id, claimed)
        return len(candidates)

    async def _sleep(self) -> None:
        timeout = self._config.poll_interval_s
        now = _now()
        while self._retries_due and self._retries_due[0] <= now:
            heapq.heappop(self._retries_due)
        if self._retries_due:
            # A hair after the due time: the stored time is rounded up to the millisecond.
            until_due = (self._retries_due[0] - now).total_seconds() + 0.002
            timeout = min(timeout, until_due)
        self._wake.clear()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await self._wake.wait()

    # --- one attempt ----------------------------------------------------------------------

    async def _attempt(self, delivery: Delivery) -> None:
        try:
            await self._attempt_once(delivery)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("webhook attempt failed", extra=_where(delivery))
            # Hand the lease back so the delivery is attempted again soon (by anyone).
            with contextlib.suppress(Exception):
                await self._deliveries.release([delivery])

    async def _attempt_once(self, delivery: Delivery) -> None:
        now = _now()
        if delivery.lease.until - now < self._config.request_timeout + _LEASE_MARGIN:
            # It waited long in its lane (a slow endpoint): one write to keep it. The lanes'
            # queues are kept short so that this stays the exception.
            renewed = await self._deliveries.renew(delivery, now + self._config.lease)
            if renewed is None:
                return  # waited so long that another worker took it over
            delivery = renewed
        target = await self._subscriptions.webhook(delivery.tenant_id, delivery.webhook_id)
        if target is None or not target.active:
            reason = "webhook deleted" if target is None else "webhook inactive"
            await self._deliveries.abandon(delivery, reason)
            return

        started = _now()
        timestamp = int(started.timestamp())
        headers = delivery_headers(
            message_id=delivery.event_id,
            timestamp=timestamp,
            body=delivery.payload,
            secrets=target.signing_secrets(started),
            event_type=delivery.event_type,
            custom=target.headers,
        )
        result = await self._sender.post(target.url, headers, delivery.payload)
        answer = result.answer
        # Retry-After counts from the answer's arrival, not from the request.
        verdict = self._schedule.verdict(
            answer, retries_used=delivery.retries_used, now=_now(), rng=self._rng
        )
        attempt = AttemptRecord(
            attempt=delivery.next_attempt,
            time=started,
            http_status=answer.http_status,
            error=answer.error,
            duration=result.duration,
            response_body=result.response_body,
        )
        await self._recorder.record(delivery, attempt, verdict)
        self._rate.tick()
        WEBHOOK_ATTEMPTS.labels(_result(answer.delivered, verdict.state)).inc()
        if verdict.next_attempt_time is not None:
            heapq.heappush(self._retries_due, verdict.next_attempt_time)
            self._wake.set()  # the claim loop sleeps until the earliest retry
        log_level = logging.INFO if answer.delivered else logging.WARNING
        log.log(
            log_level,
            "webhook attempt",
            extra={
                **_where(delivery),
                "attempt": attempt.attempt,
                "http_status": answer.http_status,
                "error": answer.error,
                "state": verdict.state.value,
                "duration_ms": round(result.duration / timedelta(milliseconds=1), 1),
            },
        )
        if answer.delivered:
            await self._health.succeeded(target)
        else:
            await self._health.failed(target, started, answer.error)
        if verdict.state is DeliveryState.FAILED:
            log.warning(
                "webhook delivery failed for good",
                extra={**_where(delivery), "reason": verdict.failure_reason},
            )

    # --- shutdown -------------------------------------------------------------------------

    async def stop(self) -> None:
        """Let attempts in flight finish (up to the grace period), cut off the rest, and
        hand every lease still held back, so a restart or another dispatcher resumes at
        once instead of waiting for the leases to run out."""
        left = await self._lanes.close(self._config.shutdown_grace_s)
        # Outcomes of the attempts that finished are written before any lease is handed
        # back (a released delivery no longer accepts its old holder's record).
        await self._recorder.close()
        if left:
            try:
                async with asyncio.timeout(self._config.shutdown_grace_s + 5):
                    await self._deliveries.release(left)
            except Exception:
                log.warning("could not hand %d leases back; they run out", len(left))


def _result(delivered: bool, state: DeliveryState) -> str:
    """An attempt as the metric counts it: delivered, retry (another attempt is due) or
    failed (the last one)."""
    if delivered:
        return "delivered"
    return "failed" if state is DeliveryState.FAILED else "retry"


def _where(delivery: Delivery) -> dict[str, object]:
    return {
        "delivery_id": delivery.id,
        "webhook_id": delivery.webhook_id,
        "tenant_id": delivery.tenant_id,
        "event_id": delivery.event_id,
        "trace_id": delivery.trace_id,
    }
