"""OMS gRPC server settings (environment variables prefixed OMS_); what the core needs (IMS
address, stores) is in `oms_grpc.core.settings`."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from common.settings import ServerProcessSettings


class OmsSettings(ServerProcessSettings):
    model_config = SettingsConfigDict(env_prefix="OMS_", extra="ignore")

    port: int = Field(default=50052, ge=0, le=65535)
    # Uploads arrive as one message (Envoy buffers up to 64 MiB); gRPC defaults to 4 MiB.
    max_message_bytes: int = Field(default=64 * 1024 * 1024, ge=4 * 1024 * 1024)
    shutdown_grace_s: float = Field(default=10.0, ge=0)
    log_level: str = "INFO"
