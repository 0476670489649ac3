"""Webhook API requests parsed into domain types (create, update, list), every violation
of a request reported together, each naming its field (`webhook.url`,
`webhook.headers[X-Key]`, …).

The one webhook rules module that reads the generated `oms.v1` messages; the rules it
applies live in `webhook_urls`, `webhook_headers` and `webhook_events`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from oms.v1 import webhook_pb2

from common.ids import parse_uuid
from common.pagination import filter_fingerprint, page_size
from common.texts import t
from common.validation import MAX_TEXT, Violations
from oms_grpc.core.domain.webhook_deliveries import DeliveryState
from oms_grpc.core.domain.webhook_events import EVENT_TYPES, check_event_types
from oms_grpc.core.domain.webhook_headers import check_headers
from oms_grpc.core.domain.webhook_pages import deliveries_cursor, webhooks_cursor
from oms_grpc.core.domain.webhook_urls import check_url
from oms_grpc.core.domain.webhooks import (
    DeliveriesQuery,
    NewWebhook,
    WebhookPatch,
    WebhookRef,
    WebhooksQuery,
)

# --- create and update ---------------------------------------------------------------------

MUTABLE_FIELDS = ("url", "event_types", "headers", "active", "description")
IMMUTABLE_FIELDS = frozenset({"id", "tenant_id", "create_time", "update_time"})


def _uuid(violations: Violations, field: str, value: str) -> str:
    violations.uuid(field, value)
    parsed = parse_uuid(value) if value else None
    return str(parsed) if parsed is not None else value


def webhook_ref(
    tenant_id: str, webhook_id: str, *, tenant_field: str = "tenant_id", id_field: str = "id"
) -> WebhookRef:
    violations = Violations()
    ref = WebhookRef(
        _uuid(violations, tenant_field, tenant_id), _uuid(violations, id_field, webhook_id)
    )
    violations.raise_if_any()
    return ref


def new_webhook(webhook: webhook_pb2.Webhook) -> NewWebhook:
    """A create request's webhook, validated (every violation at once)."""
    violations = Violations()
    tenant_id = _uuid(violations, "webhook.tenant_id", webhook.tenant_id)
    url = check_url(violations, "webhook.url", webhook.url)
    event_types = check_event_types(violations, "webhook.event_types", webhook.event_types)
    headers = check_headers(violations, "webhook.headers", webhook.headers)
    violations.text("webhook.description", webhook.description, required=False, max_length=MAX_TEXT)
    violations.raise_if_any()
    assert url is not None
    return NewWebhook(
        tenant_id=tenant_id,
        url=url,
        event_types=event_types,
        headers=headers,
        active=webhook.active if webhook.HasField("active") else True,
        description=webhook.description,
    )


def update_paths(paths: Sequence[str]) -> frozenset[str]:
    """The mutable fields an update mask selects (empty or `*` = all of them)."""
    if not paths or list(paths) == ["*"]:
        return frozenset(MUTABLE_FIELDS)
    violations = Violations()
    for path in paths:
        if path == "*":
            violations.add("update_mask", t("'*' cannot be combined with other paths"))
        elif path in IMMUTABLE_FIELDS:
            violations.add("update_mask", t("{path!r} cannot be changed", path=path))
        elif path not in MUTABLE_FIELDS:
            violations.add("update_mask", t("{path!r} is not an updatable field", path=path))
    violations.raise_if_any()
    return frozenset(paths)


def webhook_patch(request: webhook_pb2.UpdateWebhookRequest) -> WebhookPatch:
    """An update request, validated: only the selected fields are checked and set."""
    webhook = request.webhook
    ref = webhook_ref(
        webhook.tenant_id, webhook.id, tenant_field="webhook.tenant_id", id_field="webhook.id"
    )
    paths = update_paths(request.update_mask.paths)
    violations = Violations()
    url = check_url(violations, "webhook.url", webhook.url) if "url" in paths else None
    event_types = (
        check_event_types(violations, "webhook.event_types", webhook.event_types)
        if "event_types" in paths
        else None
    )
    headers = (
        check_headers(violations, "webhook.headers", webhook.headers)
        if "headers" in paths
        else None
    )
    if "description" in paths:
        violations.text(
            "webhook.description", webhook.description, required=False, max_length=MAX_TEXT
        )
    violations.raise_if_any()
    return WebhookPatch(
        ref=ref,
        url=url,
        event_types=event_types,
        headers=headers,
        active=webhook.active if "active" in paths else None,
        description=webhook.description if "description" in paths else None,
    )


# --- list requests -------------------------------------------------------------------------


def webhooks_query(request: webhook_pb2.ListWebhooksRequest) -> WebhooksQuery:
    violations = Violations()
    tenant_id = _uuid(violations, "tenant_id", request.tenant_id)
    if request.page_size < 0:
        violations.add("page_size", t("must not be negative"))
    violations.raise_if_any()
    fingerprint = filter_fingerprint({"list": "webhooks", "tenant_id": tenant_id})
    after_id = webhooks_cursor(request.page_token, fingerprint)
    return WebhooksQuery(tenant_id, page_size(request.page_size), after_id, fingerprint)


DELIVERY_STATE_TO_PROTO: dict[DeliveryState, webhook_pb2.WebhookDeliveryState] = {
    DeliveryState.PENDING: webhook_pb2.WEBHOOK_DELIVERY_STATE_PENDING,
    DeliveryState.SUCCEEDED: webhook_pb2.WEBHOOK_DELIVERY_STATE_SUCCEEDED,
    DeliveryState.RETRYING: webhook_pb2.WEBHOOK_DELIVERY_STATE_RETRYING,
    DeliveryState.FAILED: webhook_pb2.WEBHOOK_DELIVERY_STATE_FAILED,
}
_DELIVERY_STATE_FROM_PROTO = {value: key for key, value in DELIVERY_STATE_TO_PROTO.items()}
MAX_EVENT_ID = 200


def deliveries_query(request: webhook_pb2.ListWebhookDeliveriesRequest) -> DeliveriesQuery:
    violations = Violations()
    tenant_id = _uuid(violations, "tenant_id", request.tenant_id)
    webhook_id = _uuid(violations, "webhook_id", request.webhook_id)
    state: DeliveryState | None = None
    if request.state != webhook_pb2.WEBHOOK_DELIVERY_STATE_UNSPECIFIED:
        state = _DELIVERY_STATE_FROM_PROTO.get(request.state)
        if state is None:
            violations.add("state", t("is not a known delivery state"))
    if request.event_type:
        violations.one_of("event_type", request.event_type, EVENT_TYPES)
    violations.text("event_id", request.event_id, required=False, max_length=MAX_EVENT_ID)
    if request.page_size < 0:
        violations.add("page_size", t("must not be negative"))
    violations.raise_if_any()
    filters = {
        "list": "webhook_deliveries",
        "tenant_id": tenant_id,
        "webhook_id": webhook_id,
        "state": state.value if state else None,
        "event_type": request.event_type or None,
        "event_id": request.event_id or None,
    }
    fingerprint = filter_fingerprint(filters)
    return DeliveriesQuery(
        webhook=WebhookRef(tenant_id, webhook_id),
        state=state,
        event_type=request.event_type or None,
        event_id=request.event_id or None,
        page_size=page_size(request.page_size),
        after=deliveries_cursor(request.page_token, fingerprint),
        fingerprint=fingerprint,
    )


# --- secret rotation and manual retries ----------------------------------------------------

MAX_SECRET_GRACE = timedelta(days=30)


def rotation_request(
    request: webhook_pb2.RotateWebhookSecretRequest, default_grace: timedelta
) -> tuple[WebhookRef, timedelta]:
    """The webhook whose secret to rotate, and how long the previous secret keeps signing."""
    violations = Violations()
    ref = WebhookRef(
        _uuid(violations, "tenant_id", request.tenant_id), _uuid(violations, "id", request.id)
    )
    grace = default_grace
    if request.HasField("grace_period"):
        grace = request.grace_period.ToTimedelta()
        if not timedelta(0) <= grace <= MAX_SECRET_GRACE:
            violations.add("grace_period", t("must be between 0 and 30 days"))
    violations.raise_if_any()
    return ref, grace


def delivery_ref(request: webhook_pb2.RetryWebhookDeliveryRequest) -> tuple[WebhookRef, str]:
    """The webhook and the id of the delivery to send again."""
    violations = Violations()
    ref = WebhookRef(
        _uuid(violations, "tenant_id", request.tenant_id),
        _uuid(violations, "webhook_id", request.webhook_id),
    )
    delivery_id = _uuid(violations, "delivery_id", request.delivery_id)
    violations.raise_if_any()
    return ref, delivery_id
