"""Order finalizer settings (environment variables prefixed FINALIZER_)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class FinalizerSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FINALIZER_", extra="ignore")

    # Consumer groups: every finalizer process joins both; Kafka spreads the partitions.
    group_id: str = "order-finalizer"
    restock_group_id: str = "order-finalizer-restock"
    # Orders (different keys) handled at once per process.
    concurrency: int = Field(default=16, ge=1, le=512)
    max_poll_records: int = Field(default=200, ge=1, le=10_000)
    # Failures are retried with exponential backoff and full jitter: an outage (IMS or
    # MongoDB unavailable, a deadline) for up to retry_outage_s, anything else
    # retry_attempts times; then the message goes to the dead-letter topic.
    retry_attempts: int = Field(default=8, ge=1, le=100)
    retry_first_delay_s: float = Field(default=0.2, gt=0)
    retry_max_delay_s: float = Field(default=10.0, gt=0)
    retry_outage_s: float = Field(default=900.0, ge=0)
    # Restock: waiting orders read per page, and at most this many tried per stock increase.
    restock_page_size: int = Field(default=100, ge=1, le=1000)
    restock_max_orders: int = Field(default=2000, ge=1)

    log_level: str = "INFO"
    # Prometheus metrics at http://127.0.0.1:<port>/metrics (common/metrics.py); unset: none.
    metrics_port: int | None = Field(default=None, ge=1, le=65535)
