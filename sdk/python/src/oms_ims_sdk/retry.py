"""The retry policy of a channel, as a gRPC service config (gRPC itself retries)."""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class RetryPolicy:
    """Retry a call that failed with one of `codes`, up to `max_attempts` in all, waiting
    an exponentially growing, jittered time between tries.

    UNAVAILABLE means the call did not reach a server that could serve it, so retrying it
    is safe for every method; `CreateOrder` also takes an `idempotency_key` for callers
    that want to retry on other failures themselves. `max_attempts=1` turns retries off.
    """

    max_attempts: int = 4
    initial_backoff_s: float = 0.2
    max_backoff_s: float = 5.0
    backoff_multiplier: float = 2.0
    codes: tuple[str, ...] = ("UNAVAILABLE",)

    def service_config(self) -> str:
        """The `grpc.service_config` channel option (applies to every method)."""
        if not 1 <= self.max_attempts <= 5:
            # gRPC caps attempts at 5.
            raise ValueError("max_attempts must be between 1 and 5")
        config: dict[str, object] = {"methodConfig": [{"name": [{}]}]}
        if self.max_attempts > 1:
            config["methodConfig"] = [
                {
                    "name": [{}],
                    "retryPolicy": {
                        "maxAttempts": self.max_attempts,
                        "initialBackoff": f"{self.initial_backoff_s}s",
                        "maxBackoff": f"{self.max_backoff_s}s",
                        "backoffMultiplier": self.backoff_multiplier,
                        "retryableStatusCodes": list(self.codes),
                    },
                }
            ]
        return json.dumps(config)
