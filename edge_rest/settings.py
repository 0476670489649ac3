"""REST edge settings (environment variables prefixed EDGE_)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class EdgeSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EDGE_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    ims_target: str = "127.0.0.1:50051"
    oms_target: str = "127.0.0.1:50052"
    rpc_timeout_s: float = Field(default=10.0, gt=0)
    # Uploading a large CSV and downloading its error file take longer than other calls.
    upload_timeout_s: float = Field(default=300.0, gt=0)
    # The proto-native API's OpenAPI document (scripts/gen-proto), for /docs/proto.
    proto_openapi: Path = Path(__file__).resolve().parents[1] / "envoy" / "openapi.yaml"
