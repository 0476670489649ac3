"""Webhook registry domain types (pure): references, new webhooks, patches, list queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from oms_grpc.core.domain.webhook_deliveries import DeliveryState
from oms_grpc.core.domain.webhook_headers import Headers
from oms_grpc.core.domain.webhook_urls import CallbackUrl


@dataclass(frozen=True)
class WebhookRef:
    tenant_id: str
    id: str


@dataclass(frozen=True)
class NewWebhook:
    tenant_id: str
    url: CallbackUrl
    event_types: tuple[str, ...]
    headers: Headers
    active: bool
    description: str


@dataclass(frozen=True)
class WebhookPatch:
    """The fields an update sets; None leaves a field unchanged."""

    ref: WebhookRef
    url: CallbackUrl | None = None
    event_types: tuple[str, ...] | None = None
    headers: Headers | None = None
    active: bool | None = None
    description: str | None = None


@dataclass(frozen=True)
class WebhooksQuery:
    """One page of a tenant's webhooks, oldest first (ids are UUIDv7)."""

    tenant_id: str
    page_size: int
    after_id: str | None
    fingerprint: str


@dataclass(frozen=True)
class DeliveriesQuery:
    """One page of a webhook's deliveries, newest first; None filters do not filter."""

    webhook: WebhookRef
    state: DeliveryState | None
    event_type: str | None
    event_id: str | None
    page_size: int
    after: tuple[datetime, str] | None  # (create_time, id) of the last delivery served
    fingerprint: str


@dataclass(frozen=True)
class SigningSecret:
    """A `whsec_…` secret that signs deliveries; a rotated-out one until `expire_time`."""

    secret: str
    expire_time: datetime | None = None  # None: the current secret


@dataclass(frozen=True)
class WebhookTarget:
    """A webhook as the dispatcher uses it: where and how to deliver, with its secrets."""

    id: str
    tenant_id: str
    url: str
    event_types: tuple[str, ...]
    headers: Headers
    active: bool
    secrets: tuple[SigningSecret, ...]  # the current one first
    failing_since: datetime | None = None

    def subscribes_to(self, event_type: str) -> bool:
        return self.active and event_type in self.event_types

    def signing_secrets(self, now: datetime) -> list[str]:
        """The secrets that sign a delivery made at `now`: the current one, plus a
        rotated-out one during its grace period (receivers may verify either)."""
        return [s.secret for s in self.secrets if s.expire_time is None or s.expire_time > now]
