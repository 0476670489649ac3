"""The retry policy of a channel, as a gRPC service config (gRPC itself retries)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from iam.v1 import access_pb2

from oms_ims_sdk.services import service_descriptors


@dataclass(frozen=True)
class RetryPolicy:
    """Retry a read (a unary RPC the contract marks `ACCESS_READ`: Get*, List*) that failed
    with one of `codes`, up to `max_attempts` in all, waiting an exponentially growing,
    jittered time between tries.

    Writes are not retried: an UNAVAILABLE write may still have been applied (give
    `CreateOrderRequest.idempotency_key` to retry creates safely yourself). gRPC caps
    attempts at 5; `max_attempts=1` turns retries off.
    """

    max_attempts: int = 4
    initial_backoff_s: float = 0.2
    max_backoff_s: float = 5.0
    backoff_multiplier: float = 2.0
    codes: tuple[str, ...] = ("UNAVAILABLE",)

    def service_config(self) -> str:
        """The `grpc.service_config` channel option."""
        if not 1 <= self.max_attempts <= 5:
            raise ValueError("max_attempts must be between 1 and 5")
        if self.max_attempts == 1:
            return json.dumps({"methodConfig": []})
        return json.dumps(
            {
                "methodConfig": [
                    {
                        "name": [{"service": s, "method": m} for s, m in read_methods()],
                        "retryPolicy": {
                            "maxAttempts": self.max_attempts,
                            "initialBackoff": f"{self.initial_backoff_s}s",
                            "maxBackoff": f"{self.max_backoff_s}s",
                            "backoffMultiplier": self.backoff_multiplier,
                            "retryableStatusCodes": list(self.codes),
                        },
                    }
                ]
            }
        )


@cache
def read_methods() -> tuple[tuple[str, str], ...]:
    """(service, method) of every unary RPC whose access rule is ACCESS_READ."""
    found = []
    for service in service_descriptors():
        for method in service.methods:
            if method.client_streaming or method.server_streaming:
                continue
            rule: access_pb2.AccessRule = method.GetOptions().Extensions[
                access_pb2.access  # type: ignore[index]
            ]
            if rule.access == access_pb2.ACCESS_READ:
                found.append((service.full_name, method.name))
    return tuple(sorted(found))
