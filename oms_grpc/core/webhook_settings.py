"""Webhook settings (environment variables prefixed WEBHOOK_).

- `WEBHOOK_ALLOWED_HOSTS` (default empty): comma-separated host names, `*.suffix` patterns
  or IP literals accepted as callback hosts although they are not public.
- `WEBHOOK_ALLOWED_NETWORKS` (default empty): comma-separated CIDR networks (e.g.
  `10.20.0.0/16,fd00::/8`) whose addresses are accepted, whichever name leads there.
- `WEBHOOK_DNS_TIMEOUT_S` (default `2.0`): bound on resolving a callback host.
- `WEBHOOK_SECRET_KEY` (no default): the key that encrypts signing secrets at rest, urlsafe
  base64 of 32 bytes (`Fernet.generate_key()`); comma-separated keys rotate it (the first
  encrypts, all decrypt). Without it the OMS server runs but refuses to create webhooks or
  rotate secrets, and the webhook dispatcher does not start.
- `WEBHOOK_SECRET_GRACE_S` (default `86400`): how long a rotated-out signing secret keeps
  signing beside the new one, unless the RotateWebhookSecret request says otherwise.
"""

from __future__ import annotations

from ipaddress import ip_network
from typing import Annotated, Any

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from oms_grpc.core.domain.ssrf import AllowList, IPNetwork


def _comma_separated(value: Any) -> Any:
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return value


class WebhookSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="WEBHOOK_", extra="ignore")

    allowed_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list)
    allowed_networks: Annotated[list[IPNetwork], NoDecode] = Field(default_factory=list)
    dns_timeout_s: float = Field(default=2.0, gt=0, le=30)
    secret_key: SecretStr | None = None
    secret_grace_s: float = Field(default=86_400.0, ge=0, le=30 * 86_400)

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _split_hosts(cls, value: Any) -> Any:
        return _comma_separated(value)

    @field_validator("allowed_networks", mode="before")
    @classmethod
    def _parse_networks(cls, value: Any) -> Any:
        items = _comma_separated(value)
        if isinstance(items, list):
            # strict: `10.0.0.5/8` (host bits set) is a typo, not `10.0.0.0/8`.
            return [ip_network(item) if isinstance(item, str) else item for item in items]
        return items

    def allow_list(self) -> AllowList:
        return AllowList.of(self.allowed_hosts, self.allowed_networks)

    def secret_keys(self) -> list[str]:
        """The configured encryption keys, the one that encrypts first (empty: none)."""
        if self.secret_key is None:
            return []
        return [key.strip() for key in self.secret_key.get_secret_value().split(",") if key.strip()]
