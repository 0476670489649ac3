"""Connection settings shared by every process, read from environment variables.

Every default points at the local stack on 127.0.0.1 (see `scripts/stack`); the same
variables point the code at Docker (compose.yaml) or at managed cloud services.
The local stack itself reads these variables to decide which ports to listen on, so there is
exactly one place to change an endpoint.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class PostgresSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="POSTGRES_", extra="ignore")

    dsn: str = "postgresql://postgres@127.0.0.1:5432/ims"
    pool_min_size: int = Field(default=2, ge=0)
    pool_max_size: int = Field(default=20, ge=1)
    command_timeout_s: float = Field(default=10.0, gt=0)


class RedisSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="REDIS_", extra="ignore")

    url: str = "redis://127.0.0.1:6379/0"
    socket_timeout_s: float = Field(default=0.5, gt=0)
    key_prefix: str = "omsims"


class KafkaSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KAFKA_", extra="ignore")

    bootstrap_servers: str = "127.0.0.1:9092"
    client_id: str = "omsims"
    topic_order_created: str = "order.created"
    topic_order_updated: str = "order.updated"
    topic_inventory_changed: str = "inventory.changed"
    topic_dead_letter: str = "order.dead-letter"
    topic_partitions: int = Field(default=3, ge=1)
    topic_replication_factor: int = Field(default=1, ge=1)
    # Producer batches: bigger and compressed, a relay's bursts of 500 events go out in
    # fewer requests (measured, a burst of 20,000 order-sized events on the local broker:
    # ~11.6k records/s with the client's 16 KiB uncompressed batches, ~21k/s and a third
    # less producer CPU with 256 KiB zstd batches). Consumers decompress transparently.
    compression_type: Literal["none", "gzip", "lz4", "zstd"] = "zstd"
    max_batch_bytes: int = Field(default=256 * 1024, ge=1024)

    def topics(self) -> list[str]:
        return [
            self.topic_order_created,
            self.topic_order_updated,
            self.topic_inventory_changed,
            self.topic_dead_letter,
        ]


class MongoSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MONGODB_", extra="ignore")

    uri: str = "mongodb://127.0.0.1:27017"
    database: str = "oms"
    server_selection_timeout_ms: int = Field(default=5000, ge=100)
    # Connections per process (pymongo's default is 100). The local stack's server refuses
    # more than 1,000 sessions in all, and every OMS process (server, ingester, finalizer,
    # dispatcher, each replica) has its own pool plus ~2 monitoring sockets.
    max_pool_size: int = Field(default=32, ge=1, le=500)
    # Every write waits for the server's journal (write concern j:true): an acknowledged
    # write survives a crash of the server. Without it a SIGKILLed server loses the last
    # writes it acknowledged (measured on the local stack's server: 8-18 of 300), which
    # breaks every "the effect is durable, now commit the offset / delete the message" of
    # the consumers. It costs about 1 ms per write here (an fsync).
    journal: bool = True


class AwsSettings(BaseSettings):
    """S3 + SQS, each at its own endpoint: the local stack runs SeaweedFS (S3) and ElasticMQ
    (SQS), compose.yaml one moto for both. An empty endpoint means real AWS (credentials
    from the usual chain)."""

    model_config = SettingsConfigDict(env_prefix="AWS_", extra="ignore")

    s3_endpoint_url: str = "http://127.0.0.1:8333"
    sqs_endpoint_url: str = "http://127.0.0.1:9324"
    region: str = "us-east-1"
    access_key_id: str = "test"
    secret_access_key: str = "test"
    s3_bucket: str = "oms-uploads"
    sqs_queue_name: str = "create-bulk-order"
    sqs_dead_letter_queue_name: str = "create-bulk-order-dlq"
    sqs_max_receive_count: int = Field(default=5, ge=1)
    sqs_visibility_timeout_s: int = Field(default=60, ge=1)


class AuthSettings(BaseSettings):
    """Credentials (see `common.auth.credentials`). Servers (IMS, OMS) check callers with
    `admin_token` and `service_secret`; every process calls others with `service_token`, or,
    when that is unset, with the token it derives from `service_secret` and its own name.
    A server with neither `admin_token` nor `service_secret` refuses every call but health
    checks and reflection (fail closed)."""

    model_config = SettingsConfigDict(env_prefix="AUTH_", extra="ignore")

    admin_token: SecretStr | None = None
    service_secret: SecretStr | None = None
    service_token: SecretStr | None = None
    # How long a server reuses what it learnt about a tenant key (valid or not): the bound
    # on how long a revoked key keeps working, and on how often a key is looked up.
    cache_ttl_s: float = Field(default=10.0, gt=0, le=300)
    # Tenant keys without a limit of their own: a token bucket per key.
    rate_per_s: float = Field(default=50.0, gt=0)
    rate_burst: int = Field(default=100, ge=1)
    # Service and admin credentials (our own processes, operators): per credential, too.
    service_rate_per_s: float = Field(default=5000.0, gt=0)
    service_rate_burst: int = Field(default=10000, ge=1)
    # Access tokens (IssueToken, POST /auth/token): the lifetime when the caller asks for
    # none, and the most it may ask for. A revoked key's tokens work until they expire.
    token_ttl_s: int = Field(default=900, ge=1)
    token_max_ttl_s: int = Field(default=3600, ge=1)

    def outgoing_token(self, service_name: str) -> str | None:
        """The credential this process (`service_name`) presents to the servers."""
        from common.auth.credentials import service_token

        if self.service_token is not None:
            return self.service_token.get_secret_value()
        if self.service_secret is not None:
            return service_token(self.service_secret.get_secret_value(), service_name)
        return None


class ServerProcessSettings(BaseSettings):
    """What every gRPC server process has: its port, its metrics port, and how many worker
    processes share the port (`common/workers.py`). The subclass names the prefix."""

    host: str = "127.0.0.1"
    port: int = Field(default=0, ge=0, le=65535)
    # Prometheus metrics at http://127.0.0.1:<port>/metrics (common/metrics.py); unset: none.
    # With several workers, worker i serves them on metrics_port + i.
    metrics_port: int | None = Field(default=None, ge=1, le=65535)
    # 1: this process serves. More: this process supervises that many workers sharing the
    # port (SO_REUSEPORT), each started with WORKERS=1 and its WORKER_INDEX.
    workers: int = Field(default=1, ge=1, le=64)
    worker_index: int = Field(default=0, ge=0, le=63)
    # Set by the supervisor for its workers: bind the port with SO_REUSEPORT. A server on its
    # own refuses a port already in use rather than silently sharing it.
    share_port: bool = False

    def worker_metrics_port(self) -> int | None:
        return None if self.metrics_port is None else self.metrics_port + self.worker_index
