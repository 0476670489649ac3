"""Per-principal token buckets: each principal has its own, so one caller's flood empties
only its own bucket and costs the others nothing but the refusals' CPU."""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from common.auth.principal import RateLimit


@dataclass
class TokenBucket:
    limit: RateLimit
    tokens: float
    updated: float

    def take(self, now: float) -> float:
        """0 if a token was taken; otherwise the seconds until one will be there."""
        elapsed = max(0.0, now - self.updated)
        self.tokens = min(float(self.limit.burst), self.tokens + elapsed * self.limit.per_second)
        self.updated = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        if self.limit.per_second <= 0:
            return math.inf
        return (1 - self.tokens) / self.limit.per_second


class RateLimiter:
    """Buckets by principal; the least recently used are forgotten beyond `max_buckets`
    (a forgotten bucket comes back full, which only ever errs towards letting a call in)."""

    def __init__(self, *, clock: Callable[[], float], max_buckets: int = 100_000) -> None:
        self._clock = clock
        self._max_buckets = max_buckets
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()

    def acquire(self, who: str, limit: RateLimit) -> float:
        """0 when the call may go ahead, else the seconds to wait before retrying."""
        now = self._clock()
        bucket = self._buckets.get(who)
        if bucket is None or bucket.limit != limit:
            bucket = TokenBucket(limit, float(limit.burst), now)
            self._buckets[who] = bucket
            if len(self._buckets) > self._max_buckets:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(who)
        return bucket.take(now)
