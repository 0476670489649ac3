"""Webhook API requests parsed into domain types: create, update masks, list queries."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from oms.v1 import webhook_pb2

from common.grpc.errors import FieldViolation, ServiceError
from oms_grpc.core.domain.webhook_deliveries import DeliveryState
from oms_grpc.core.domain.webhook_pages import delivery_page_token, webhooks_page_token
from oms_grpc.core.domain.webhook_requests import (
    deliveries_query,
    new_webhook,
    update_paths,
    webhook_patch,
    webhooks_query,
)

TENANT = "0190a0c1-0000-7000-8000-000000000001"
WEBHOOK = "0190a0c1-0000-7000-8000-0000000000aa"


def _violations(error: pytest.ExceptionInfo[ServiceError]) -> list[FieldViolation]:
    return list(error.value.violations)


def _fields(error: pytest.ExceptionInfo[ServiceError]) -> list[str]:
    return [v.field for v in error.value.violations]


def _webhook(**fields: object) -> webhook_pb2.Webhook:
    values: dict[str, object] = {
        "tenant_id": TENANT,
        "url": "https://hooks.example.com/orders",
        "event_types": ["order.created"],
        "active": True,
    }
    values.update(fields)
    return webhook_pb2.Webhook(**values)  # type: ignore[arg-type]


def test_new_webhook_is_validated_and_canonical() -> None:
    webhook = new_webhook(
        _webhook(tenant_id=TENANT.upper(), headers={"X-B": "2", "X-A": "1"}, description="ERP")
    )
    assert webhook.tenant_id == TENANT
    assert webhook.url.host == "hooks.example.com"
    assert webhook.event_types == ("order.created",)
    assert webhook.headers == (("X-A", "1"), ("X-B", "2"))
    assert (webhook.active, webhook.description) == (True, "ERP")


def test_new_webhook_reports_every_violation_at_once() -> None:
    with pytest.raises(ServiceError) as error:
        new_webhook(
            webhook_pb2.Webhook(
                tenant_id="nope",
                url="ftp://x",
                event_types=[],
                headers={"Host": "x"},
                description=" padded ",
            )
        )
    assert _fields(error) == [
        "webhook.tenant_id",
        "webhook.url",
        "webhook.event_types",
        "webhook.headers[Host]",
        "webhook.description",
    ]


def test_update_mask_paths() -> None:
    everything = {"url", "event_types", "headers", "active", "description"}
    assert update_paths([]) == everything
    assert update_paths(["*"]) == everything
    assert update_paths(["active", "url"]) == {"active", "url"}
    with pytest.raises(ServiceError) as error:
        update_paths(["tenant_id", "secret", "*"])
    assert [v.description for v in _violations(error)] == [
        "'tenant_id' cannot be changed",
        "'secret' is not an updatable field",
        "'*' cannot be combined with other paths",
    ]
    assert set(_fields(error)) == {"update_mask"}


def test_patch_validates_only_the_selected_fields() -> None:
    request = webhook_pb2.UpdateWebhookRequest(
        webhook=webhook_pb2.Webhook(tenant_id=TENANT, id=WEBHOOK, active=False),
        update_mask=FieldMask(paths=["active"]),
    )
    patch = webhook_patch(request)
    assert (patch.ref.tenant_id, patch.ref.id) == (TENANT, WEBHOOK)
    assert patch.active is False
    assert (patch.url, patch.event_types, patch.headers, patch.description) == (None,) * 4


def test_patch_without_mask_replaces_every_mutable_field() -> None:
    request = webhook_pb2.UpdateWebhookRequest(webhook=_webhook(id=WEBHOOK))
    patch = webhook_patch(request)
    assert patch.url is not None and patch.event_types == ("order.created",)
    assert (patch.headers, patch.active, patch.description) == ((), True, "")
    with pytest.raises(ServiceError) as error:
        webhook_patch(
            webhook_pb2.UpdateWebhookRequest(
                webhook=webhook_pb2.Webhook(tenant_id=TENANT, id=WEBHOOK, active=True)
            )
        )
    assert _fields(error) == ["webhook.url", "webhook.event_types"]


def test_patch_needs_the_webhook_reference() -> None:
    with pytest.raises(ServiceError) as error:
        webhook_patch(webhook_pb2.UpdateWebhookRequest(webhook=webhook_pb2.Webhook()))
    assert _fields(error) == ["webhook.tenant_id", "webhook.id"]


def test_webhook_list_tokens_are_bound_to_the_tenant() -> None:
    query = webhooks_query(webhook_pb2.ListWebhooksRequest(tenant_id=TENANT, page_size=5))
    assert (query.page_size, query.after_id) == (5, None)
    token = webhooks_page_token(WEBHOOK, query.fingerprint)
    again = webhooks_query(webhook_pb2.ListWebhooksRequest(tenant_id=TENANT, page_token=token))
    assert again.after_id == WEBHOOK
    other = "0190a0c1-0000-7000-8000-000000000002"
    with pytest.raises(ServiceError) as error:
        webhooks_query(webhook_pb2.ListWebhooksRequest(tenant_id=other, page_token=token))
    assert _fields(error) == ["page_token"]
    with pytest.raises(ServiceError) as error:
        webhooks_query(webhook_pb2.ListWebhooksRequest(tenant_id=TENANT, page_token="%%%"))
    assert _fields(error) == ["page_token"]


def test_delivery_list_filters_and_tokens() -> None:
    request = webhook_pb2.ListWebhookDeliveriesRequest(
        tenant_id=TENANT,
        webhook_id=WEBHOOK,
        state=webhook_pb2.WEBHOOK_DELIVERY_STATE_FAILED,
        event_type="order.updated",
        page_size=2000,
    )
    query = deliveries_query(request)
    assert query.state is DeliveryState.FAILED
    assert (query.event_type, query.event_id, query.page_size) == ("order.updated", None, 1000)
    stamp = datetime(2025, 1, 2, 3, 4, 5, 6000, tzinfo=UTC)
    request.page_token = delivery_page_token(stamp, "d-1", query.fingerprint)
    assert deliveries_query(request).after == (stamp, "d-1")
    request.state = webhook_pb2.WEBHOOK_DELIVERY_STATE_SUCCEEDED  # filters changed
    with pytest.raises(ServiceError) as error:
        deliveries_query(request)
    assert _fields(error) == ["page_token"]


def test_delivery_list_validation_names_fields() -> None:
    with pytest.raises(ServiceError) as error:
        deliveries_query(
            webhook_pb2.ListWebhookDeliveriesRequest(
                tenant_id="",
                webhook_id="x",
                state=42,  # type: ignore[arg-type]
                event_type="order.deleted",
                event_id="e" * 201,
                page_size=-1,
            )
        )
    assert _fields(error) == [
        "tenant_id",
        "webhook_id",
        "state",
        "event_type",
        "event_id",
        "page_size",
    ]
