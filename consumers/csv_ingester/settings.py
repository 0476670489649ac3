"""CSV ingester process settings (environment variables prefixed INGESTER_)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class IngesterSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INGESTER_", extra="ignore")

    # IMS (OMS_IMS_TARGET, OMS_IMS_TIMEOUT_S) and the stores come from the OMS core's settings.

    # SQS: long-poll wait, and how long a received message stays invisible to other
    # consumers; while a file is processed the lease is renewed every third of it.
    receive_wait_s: int = Field(default=20, ge=0, le=20)
    visibility_timeout_s: int = Field(default=60, ge=1, le=43_200)
    # Pause after a failed receive (SQS unreachable) before polling again.
    receive_retry_delay_s: float = Field(default=2.0, ge=0)

    # Rows validated, looked up and inserted together; progress is reported after each batch.
    batch_size: int = Field(default=2000, ge=1, le=50_000)
    # A CSV row longer than this (characters; a quoted field's line breaks count) is rejected
    # on its own. As long as the upload API's UPLOAD_MAX_LINE_BYTES, so that no line the API
    # accepts is rejected here for its length alone.
    max_row_chars: int = Field(default=64 * 1024, ge=256, le=1_000_000)
    # Bytes per S3 read while streaming the file.
    read_chunk_bytes: int = Field(default=256 * 1024, ge=1024)
    # Rejected rows are kept in memory up to this size, then spill to a temporary file.
    error_spool_bytes: int = Field(default=1024 * 1024, ge=0)

    log_level: str = "INFO"
    # Prometheus metrics at http://127.0.0.1:<port>/metrics (common/metrics.py); unset: none.
    metrics_port: int | None = Field(default=None, ge=1, le=65535)
