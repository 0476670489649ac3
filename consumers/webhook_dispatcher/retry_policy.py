"""When a delivery is tried again (pure): which answers are worth retrying, the growing
schedule with jitter, and `Retry-After`.

- 2xx: delivered.
- 429, 5xx, timeouts, connection errors, a host that does not resolve: retried.
- Everything else is final: other 4xx (the receiver refuses the request as it is), 3xx
  (redirects are never followed: the target would escape the URL's SSRF check), and a
  destination the SSRF policy refuses.

The n-th retry waits `delays[n-1]` seconds, spread by ±jitter; a `Retry-After` (seconds
or an HTTP date) makes it wait at least that long, up to `max_retry_after_s`.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

from oms_grpc.core.domain.webhook_deliveries import DeliveryState, Verdict


@dataclass(frozen=True)
class Answer:
    """What one attempt came to, as far as retrying is concerned."""

    http_status: int  # 0 when no response arrived
    error: str  # "" when the endpoint answered 2xx
    retryable: bool
    retry_after: str | None = None  # the response's Retry-After header

    @property
    def delivered(self) -> bool:
        return not self.error


def http_answer(status: int, retry_after: str | None = None) -> Answer:
    if 200 <= status < 300:
        return Answer(status, "", retryable=False)
    if 300 <= status < 400:
        return Answer(status, f"HTTP {status}: redirects are not followed", retryable=False)
    return Answer(status, f"HTTP {status}", status == 429 or status >= 500, retry_after)


def no_response(error: str, *, retryable: bool = True) -> Answer:
    return Answer(0, error, retryable)


# delay-seconds are an integer; a decimal fraction is tolerated (some servers send one).
_SECONDS = re.compile(r"^[0-9]{1,9}(?:\.[0-9]+)?$")


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait per a Retry-After header (delay-seconds or an HTTP date, RFC 9110
    §10.2.3); None when absent or unreadable. A date in the past means 0."""
    if value is None:
        return None
    text = value.strip()
    if _SECONDS.match(text):
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # "-0000": UTC per RFC 5322
        return None
    return max(0.0, (when - now).total_seconds())


@dataclass(frozen=True)
class RetrySchedule:
    delays_s: tuple[float, ...]
    jitter: float = 0.2
    max_retry_after_s: float = 3600.0

    def __post_init__(self) -> None:
        if not 0 <= self.jitter < 1:
            raise ValueError("jitter is a fraction in [0, 1)")
        if any(delay < 0 for delay in self.delays_s):
            raise ValueError("retry delays must not be negative")

    @property
    def attempts(self) -> int:
        """Attempts per series: the first and one per delay."""
        return len(self.delays_s) + 1

    def delay_s(
        self, retries_used: int, retry_after_s: float | None, rng: random.Random
    ) -> float | None:
        """How long to wait after the attempt that failed with `retries_used` failures
        before it in its series; None when the series is exhausted."""
        if retries_used >= len(self.delays_s):
            return None
        spread = 1 + rng.uniform(-self.jitter, self.jitter)
        delay = self.delays_s[retries_used] * spread
        if retry_after_s is not None:
            delay = max(delay, min(retry_after_s, self.max_retry_after_s))
        return delay

    def verdict(
        self, answer: Answer, *, retries_used: int, now: datetime, rng: random.Random
    ) -> Verdict:
        """What the attempt made at `now` (and answered with `answer`) means."""
        if answer.delivered:
            return Verdict(DeliveryState.SUCCEEDED)
        if not answer.retryable:
            return Verdict(DeliveryState.FAILED, failure_reason=f"not retried: {answer.error}")
        delay = self.delay_s(retries_used, parse_retry_after(answer.retry_after, now), rng)
        if delay is None:
            return Verdict(
                DeliveryState.FAILED,
                failure_reason=(f"gave up after {retries_used + 1} attempts; last: {answer.error}"),
            )
        return Verdict(DeliveryState.RETRYING, next_attempt_time=now + timedelta(seconds=delay))
