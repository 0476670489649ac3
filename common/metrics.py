"""Prometheus metrics (the official client): every metric of every process, named in one
place, and the endpoint that serves them.

The metrics live in the client library's default registry, as that library intends: a
process registers what it imports, and its `/metrics` shows what it records.

- every RPC (IMS, OMS): `grpc_server_handled_total{grpc_service,grpc_method,grpc_code}`,
  `grpc_server_handling_seconds{grpc_service,grpc_method}`;
- every HTTP request (the Falcon edge): `http_requests_total{method,route,status}`,
  `http_request_seconds{method,route}`;
- Kafka consumers: `consumer_messages_total{consumer,topic,outcome}` (handled, retried,
  dead_lettered; the finalizer's two loops and the dispatcher's intake),
  `consumer_message_seconds{consumer,topic}` (the finalizer's loops: time per message,
  retries included), `consumer_lag_messages{consumer,topic,partition}` (every consumer
  group loop, after each batch);
- outbox relays (IMS, OMS, the ingester, the finalizer): `outbox_events_published_total
  {service}`, `outbox_backlog_events{service}`;
- `webhook_attempts_total{result}` (dispatcher), `ims_reservations_total{outcome}` (IMS),
  `ingester_rows_total{outcome}` (ingester), `auth_failures_total{service,reason}` and
  `auth_rate_limited_total{service}` (IMS, OMS: `common.grpc.auth`).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from prometheus_client import Counter, Gauge, Histogram, start_http_server
from pydantic_settings import BaseSettings, SettingsConfigDict

log = logging.getLogger(__name__)

# Latency buckets from 1 ms to 10 s: RPCs and messages here take milliseconds, a slow
# webhook or an IMS outage seconds.
_SECONDS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

RPC_HANDLED = Counter(
    "grpc_server_handled_total",
    "RPCs completed, by method and status code",
    ["grpc_service", "grpc_method", "grpc_code"],
)
RPC_SECONDS = Histogram(
    "grpc_server_handling_seconds",
    "Time to complete an RPC",
    ["grpc_service", "grpc_method"],
    buckets=_SECONDS,
)
HTTP_REQUESTS = Counter(
    "http_requests_total",
    "HTTP requests answered, by route and status",
    ["method", "route", "status"],
)
HTTP_SECONDS = Histogram(
    "http_request_seconds", "Time to answer an HTTP request", ["method", "route"], buckets=_SECONDS
)
CONSUMER_MESSAGES = Counter(
    "consumer_messages_total",
    "Kafka messages handled by a consumer: handled, retried (one per failed try), dead_lettered",
    ["consumer", "topic", "outcome"],
)
CONSUMER_SECONDS = Histogram(
    "consumer_message_seconds",
    "Time to handle one message, retries included",
    ["consumer", "topic"],
    buckets=_SECONDS,
)
CONSUMER_LAG = Gauge(
    "consumer_lag_messages",
    "Messages of a partition not yet handled by this consumer (high watermark - position)",
    ["consumer", "topic", "partition"],
)
OUTBOX_PUBLISHED = Counter(
    "outbox_events_published_total", "Events the outbox relay published to Kafka", ["service"]
)
OUTBOX_BACKLOG = Gauge(
    "outbox_backlog_events", "Events written to the outbox and not yet published", ["service"]
)
WEBHOOK_ATTEMPTS = Counter(
    "webhook_attempts_total",
    "Webhook delivery attempts by result: delivered, retry (429/5xx/network), failed, refused",
    ["result"],
)
RESERVATIONS = Counter("ims_reservations_total", "ReserveInventory outcomes", ["outcome"])
INGESTED_ROWS = Counter("ingester_rows_total", "CSV rows read, by outcome", ["outcome"])


class MetricsSettings(BaseSettings):
    """`METRICS_HOST` (default 127.0.0.1): the address the endpoints bind (0.0.0.0 in a
    container, for Prometheus). Each process's port is its own setting
    (`IMS_METRICS_PORT`, `OMS_METRICS_PORT`, `INGESTER_METRICS_PORT`, ...)."""

    model_config = SettingsConfigDict(env_prefix="METRICS_", extra="ignore")

    host: str = "127.0.0.1"


@asynccontextmanager
async def serving_metrics(
    port: int | None, settings: MetricsSettings | None = None
) -> AsyncIterator[None]:
    """`http://<host>:port/metrics` while inside; nothing when `port` is None (the default
    of every process: `scripts/run` and compose give each one its port)."""
    if port is None:
        yield
        return
    host = (settings or MetricsSettings()).host
    server, thread = start_http_server(port, addr=host)
    log.info("metrics served", extra={"address": f"http://{host}:{port}/metrics"})
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
