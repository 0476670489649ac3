"""IMS process settings (environment variables prefixed IMS_)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from common.settings import ServerProcessSettings


class ImsSettings(ServerProcessSettings):
    model_config = SettingsConfigDict(env_prefix="IMS_", extra="ignore")

    port: int = Field(default=50051, ge=0, le=65535)
    # As much as Envoy forwards (its transcoder's max_request_body_size): an over-long field
    # in a large JSON body is then refused by IMS naming the field (400), not by gRPC's size
    # limit as RESOURCE_EXHAUSTED (which Envoy turns into a misleading 429).
    max_message_bytes: int = Field(default=64 * 1024 * 1024, ge=4 * 1024 * 1024)
    shutdown_grace_s: float = Field(default=10.0, ge=0)
    log_level: str = "INFO"
    # Apply pending SQL migrations at start-up (also: python -m ims_grpc.db.migrate).
    migrate_on_start: bool = True
    # Reservation expiry sweeper: how often it runs and how many reservations one statement
    # expires (several replicas may sweep concurrently).
    sweep_interval_s: float = Field(default=5.0, gt=0)
    sweep_batch_size: int = Field(default=500, ge=1, le=10_000)
    # inventory.changed outbox relay (ims_grpc/outbox_relay.py). A pass runs as soon as
    # PostgreSQL notifies that events were committed, and at least every
    # outbox_poll_interval_s (the fallback for a missed notification or a lost LISTEN
    # connection); one pass publishes up to outbox_batch_size events in one transaction.
    outbox_poll_interval_s: float = Field(default=1.0, gt=0)
    outbox_batch_size: int = Field(default=500, ge=1, le=10_000)
    # How long a batch may wait for Kafka's acknowledgements before it is rolled back (its rows
    # stay pending); this bounds how long a claim holds its transaction open.
    outbox_publish_timeout_s: float = Field(default=30.0, gt=0)
    # While Kafka (or PostgreSQL) is unreachable the relay retries with a doubling delay, from
    # 0.5 s up to this.
    outbox_max_retry_delay_s: float = Field(default=10.0, gt=0)
