"""Webhook dispatcher process settings (environment variables prefixed DISPATCHER_).

The stores, topics, the SSRF allow-list and the secret key come from the OMS core's settings
(`MONGODB_*`, `KAFKA_*`, `WEBHOOK_*`).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class DispatcherSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="DISPATCHER_", extra="ignore")

    # Kafka consumer group of every dispatcher process (they share the partitions).
    group_id: str = "webhook-dispatcher"
    # Messages per poll; each poll's deliveries are stored with one bulk write.
    max_poll_records: int = Field(default=500, ge=1, le=10_000)

    # HTTP attempts in flight: in all, and to one webhook. A hanging endpoint holds at most
    # its own share, so the others keep flowing while fewer than
    # max_in_flight / max_in_flight_per_webhook endpoints hang at once.
    max_in_flight: int = Field(default=64, ge=1, le=10_000)
    max_in_flight_per_webhook: int = Field(default=4, ge=1, le=1000)
    # Deliveries held in memory per webhook, waiting for a slot; beyond that they wait in
    # MongoDB (claimable by any dispatcher) instead.
    max_queued_per_webhook: int = Field(default=2000, ge=1)

    # Per attempt: connecting (TCP + TLS), and the whole exchange until the response body.
    connect_timeout_s: float = Field(default=5.0, gt=0, le=60)
    request_timeout_s: float = Field(default=15.0, gt=0, le=300)
    # How much of a response body is kept with the attempt.
    response_body_bytes: int = Field(default=1024, ge=0, le=64 * 1024)

    # Delays before the 2nd, 3rd, … attempt (seconds, comma-separated): len + 1 attempts
    # in all. Each is spread by ±retry_jitter (a fraction) so that failing endpoints are not
    # retried in lock-step.
    retry_schedule_s: Annotated[list[float], NoDecode] = Field(
        default_factory=lambda: [5.0, 30.0, 120.0, 600.0, 3600.0, 10_800.0, 21_600.0]
    )
    retry_jitter: float = Field(default=0.2, ge=0, lt=1)
    # A Retry-After (seconds or an HTTP date) is honoured up to this long.
    max_retry_after_s: float = Field(default=3600.0, ge=0)

    # A webhook whose every attempt failed for this long is disabled (default 3 days).
    disable_after_s: float = Field(default=3 * 86_400.0, gt=0)

    # A worker's exclusive hold on a delivery it is about to attempt; a crashed
    # dispatcher's deliveries are taken over by another once it runs out. Deliveries handed
    # to a busy worker get this plus the wait expected ahead of them (at its recent rate).
    lease_s: float = Field(default=60.0, gt=0)
    # How often deliveries due in MongoDB (retries, take-overs, manual retries, overflow)
    # are looked for when nothing wakes the worker earlier; and how many per look.
    poll_interval_s: float = Field(default=1.0, gt=0, le=60)
    claim_batch: int = Field(default=200, ge=1, le=10_000)

    # How long the tenant's webhooks are cached: the bound on how late the dispatcher sees
    # a webhook created, changed, deactivated or rotated through the API.
    subscription_ttl_s: float = Field(default=5.0, ge=0, le=300)

    # On SIGTERM, attempts in flight get this long to finish before they are cut off
    # (their deliveries are then attempted again, with the same webhook-id).
    shutdown_grace_s: float = Field(default=5.0, ge=0, le=120)

    log_level: str = "INFO"
    # Prometheus metrics at http://127.0.0.1:<port>/metrics (common/metrics.py); unset: none.
    metrics_port: int | None = Field(default=None, ge=1, le=65535)

    @field_validator("retry_schedule_s", mode="before")
    @classmethod
    def _split_schedule(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [float(item) for item in value.split(",") if item.strip()]
        return value

    @field_validator("retry_schedule_s")
    @classmethod
    def _check_schedule(cls, value: list[float]) -> list[float]:
        if any(delay < 0 for delay in value):
            raise ValueError("retry delays must not be negative")
        return value
