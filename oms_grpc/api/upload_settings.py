"""Limits of the upload API (environment variables prefixed UPLOAD_).

`UPLOAD_MAX_BYTES` must stay below `OMS_MAX_MESSAGE_BYTES` (and Envoy's buffer limit): a
request larger than the gRPC message limit is refused by gRPC itself (RESOURCE_EXHAUSTED)
before this check can name the limit.
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

MIB = 1024 * 1024
KIB = 1024


class UploadSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="UPLOAD_", extra="ignore")

    # Largest accepted CSV file, in bytes (the file itself, not the multipart envelope).
    max_bytes: int = Field(default=50 * MIB, ge=1)
    # Longest accepted line, in bytes, without its line terminator.
    max_line_bytes: int = Field(default=64 * KIB, ge=64)
    # How long a CreateUploadUrl URL may be used to PUT the file.
    presign_ttl_s: int = Field(default=900, ge=60, le=7 * 24 * 3600)
