"""Our messages in the original API's JSON shapes (snake_case, RFC 3339 times)."""

from __future__ import annotations

import json
from typing import Any

from google.protobuf import json_format
from google.protobuf.timestamp_pb2 import Timestamp
from iam.v1 import api_key_pb2
from ims.v1 import category_pb2, hub_pb2, inventory_pb2, seller_pb2, sku_pb2, tenant_pb2
from oms.v1 import order_pb2, upload_pb2, webhook_pb2


def rfc3339(value: Timestamp) -> str:
    return value.ToDatetime().isoformat(timespec="milliseconds") + "Z"


def tenant_json(tenant: tenant_pb2.Tenant) -> dict[str, Any]:
    return {
        "id": tenant.id,
        "name": tenant.name,
        "code": tenant.code,  # ours, beyond the original's fields
        "metadata": json_format.MessageToDict(tenant.metadata),
        "created_at": rfc3339(tenant.create_time),
        "updated_at": rfc3339(tenant.update_time),
    }


def seller_json(seller: seller_pb2.Seller) -> dict[str, Any]:
    return {
        "id": seller.id,
        "tenant_id": seller.tenant_id,
        "name": seller.name,
        "code": seller.code,  # ours
        "email": seller.email,  # ours
        "metadata": json_format.MessageToDict(seller.metadata),
        "created_at": rfc3339(seller.create_time),
        "updated_at": rfc3339(seller.update_time),
    }


def category_json(category: category_pb2.Category) -> dict[str, Any]:
    return {
        "id": category.id,
        "tenant_id": category.tenant_id,
        "name": category.name,
        "description": category.description,
        "code": category.code,  # ours
        "parent_id": category.parent_id if category.HasField("parent_id") else None,  # ours
        "created_at": rfc3339(category.create_time),
        "updated_at": rfc3339(category.update_time),
    }


def hub_json(hub: hub_pb2.Hub) -> dict[str, Any]:
    """The original's flat hub: `location` as "latitude,longitude", `address` as one line."""
    location = ""
    if hub.HasField("location"):
        location = f"{hub.location.latitude:g},{hub.location.longitude:g}"
    address = hub.address
    parts = [*address.lines, address.city, address.region, address.postal_code]
    return {
        "id": hub.id,
        "tenant_id": hub.tenant_id,
        "seller_id": hub.seller_id,
        "name": hub.name,
        "code": hub.code,  # ours
        "location": location,
        "address": ", ".join(part for part in parts if part),
        "contact_email": hub.contact.email,
        "contact_phone": hub.contact.phone,
        "timezone": hub.timezone,
        "created_at": rfc3339(hub.create_time),
        "updated_at": rfc3339(hub.update_time),
    }


def sku_json(sku: sku_pb2.Sku) -> dict[str, Any]:
    """Measures as we keep them: grams and millimetres, with their units said."""
    return {
        "id": sku.id,
        "tenant_id": sku.tenant_id,
        "seller_id": sku.seller_id,
        "code": sku.code,
        "name": sku.name,
        "description": sku.description,
        "category_id": sku.category_id,
        "weight": sku.weight_grams,
        "weight_unit": "g",
        "length": sku.dimensions.length_mm,
        "width": sku.dimensions.width_mm,
        "height": sku.dimensions.height_mm,
        "dimension_unit": "mm",  # ours: the original does not say
        "created_at": rfc3339(sku.create_time),
        "updated_at": rfc3339(sku.update_time),
    }


LEDGER_TYPE_NAMES = {
    inventory_pb2.INVENTORY_TRANSACTION_TYPE_SET: "set",
    inventory_pb2.INVENTORY_TRANSACTION_TYPE_ADJUST: "adjust",
    inventory_pb2.INVENTORY_TRANSACTION_TYPE_RESERVE: "reserve",
    inventory_pb2.INVENTORY_TRANSACTION_TYPE_RELEASE: "release",
    inventory_pb2.INVENTORY_TRANSACTION_TYPE_COMMIT: "commit",
    inventory_pb2.INVENTORY_TRANSACTION_TYPE_EXPIRE: "expire",
}


def ledger_row_json(row: inventory_pb2.InventoryTransaction) -> dict[str, Any]:
    """One ledger row: what moved, by how much, what it left, why and who."""
    return {
        "id": row.id,
        "hub_id": row.hub_id,
        "sku_id": row.sku_id,
        "type": LEDGER_TYPE_NAMES.get(row.type, "unknown"),
        "delta_on_hand": row.delta_on_hand,
        "delta_reserved": row.delta_reserved,
        "quantity_on_hand_after": row.quantity_on_hand_after,
        "quantity_reserved_after": row.quantity_reserved_after,
        "reason": row.reason,
        "reference": row.reference,
        "actor": row.actor,
        "created_at": rfc3339(row.create_time),
    }


def inventory_json(level: inventory_pb2.InventoryLevel) -> dict[str, Any]:
    """`min_threshold` / `max_threshold` are the original's (integers): we keep no thresholds
    and its API has no way to set one, so they are 0, the original's "none set"."""
    return {
        "hub_id": level.hub_id,
        "sku_id": level.sku_id,
        "quantity_on_hand": level.quantity_on_hand,
        "quantity_reserved": level.quantity_reserved,
        "quantity_available": level.quantity_available,  # ours
        "min_threshold": 0,
        "max_threshold": 0,
        "updated_at": rfc3339(level.update_time) if level.HasField("update_time") else None,
    }


ORDER_STATUS_NAMES = {
    order_pb2.ORDER_STATUS_ON_HOLD: "on_hold",
    order_pb2.ORDER_STATUS_NEW_ORDER: "new_order",
    order_pb2.ORDER_STATUS_CANCELLED: "cancelled",
}


def order_json(order: order_pb2.Order) -> dict[str, Any]:
    """The original's order is one SKU and a quantity: those of the first line; `lines`
    (ours) lists every line of an order that has several."""
    first = order.lines[0] if order.lines else order_pb2.OrderLine()
    return {
        "id": order.id,
        "tenant_id": order.tenant_id,
        "seller_id": order.seller_id,
        "hub_id": order.hub_id,
        "sku_id": first.sku_id,
        "quantity": first.quantity,
        "status": ORDER_STATUS_NAMES.get(order.status, "unknown"),
        "created_at": rfc3339(order.create_time),
        # ours, beyond the original's fields:
        "lines": [
            {"sku_id": line.sku_id, "sku_code": line.sku_code, "quantity": line.quantity}
            for line in order.lines
        ],
        "external_reference": order.external_reference,
        "upload_id": order.upload_id,
        "updated_at": rfc3339(order.update_time),
    }


def webhook_json(webhook: webhook_pb2.Webhook) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": webhook.id,
        "tenant_id": webhook.tenant_id,
        "callback_url": webhook.url,
        "events": list(webhook.event_types),
        "headers": dict(webhook.headers),
        "is_active": webhook.active if webhook.HasField("active") else True,
        "created_at": rfc3339(webhook.create_time),
        "updated_at": rfc3339(webhook.update_time),
        # ours, beyond the original's fields:
        "description": webhook.description,
    }
    if webhook.disabled_reason:
        body["disabled_reason"] = webhook.disabled_reason
        body["disabled_at"] = rfc3339(webhook.disable_time)
    return body


UPLOAD_STATE_NAMES = {
    upload_pb2.UPLOAD_STATE_QUEUED: "queued",
    upload_pb2.UPLOAD_STATE_PROCESSING: "processing",
    upload_pb2.UPLOAD_STATE_COMPLETED: "completed",
    upload_pb2.UPLOAD_STATE_FAILED: "failed",
}


def upload_json(upload: upload_pb2.Upload) -> dict[str, Any]:
    """The original answers an upload with where the file went ({bucket, key}); the rest is
    ours: the upload's id and progress, to follow it with GET /orders/uploads/{id}."""
    return {
        "bucket": upload.bucket,
        "key": upload.object_key,
        "upload": {
            "id": upload.id,
            "tenant_id": upload.tenant_id,
            "filename": upload.filename,
            "state": UPLOAD_STATE_NAMES.get(upload.state, "unknown"),
            "rows_read": upload.rows_read,
            "rows_accepted": upload.rows_accepted,
            "rows_rejected": upload.rows_rejected,
            "orders_created": upload.orders_created,
            "error_file_name": upload.error_file_name,
            "error_message": upload.error_message,
            "created_at": rfc3339(upload.create_time),
            "updated_at": rfc3339(upload.update_time),
        },
    }


DELIVERY_STATE_NAMES = {
    webhook_pb2.WEBHOOK_DELIVERY_STATE_PENDING: "pending",
    webhook_pb2.WEBHOOK_DELIVERY_STATE_SUCCEEDED: "succeeded",
    webhook_pb2.WEBHOOK_DELIVERY_STATE_RETRYING: "retrying",
    webhook_pb2.WEBHOOK_DELIVERY_STATE_FAILED: "failed",
}


def delivery_json(delivery: webhook_pb2.WebhookDelivery) -> dict[str, Any]:
    """A delivery in any state (ours): the webhook log's fields plus its state and times."""
    body = webhook_log_json(delivery)
    body["state"] = DELIVERY_STATE_NAMES.get(delivery.state, "unknown")
    body["created_at"] = rfc3339(delivery.create_time)
    body["updated_at"] = rfc3339(delivery.update_time)
    return body


def api_key_json(key: api_key_pb2.ApiKey) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": key.id,
        "tenant_id": key.tenant_id,
        "name": key.name,
        "scopes": [api_key_pb2.Scope.Name(s).removeprefix("SCOPE_").lower() for s in key.scopes],
        "rate_limit": (
            {"per_second": key.rate_limit.per_second, "burst": key.rate_limit.burst}
            if key.HasField("rate_limit")
            else None
        ),
        "created_at": rfc3339(key.create_time),
        "last_used_at": rfc3339(key.last_used_time) if key.HasField("last_used_time") else None,
        "revoked_at": rfc3339(key.revoke_time) if key.HasField("revoke_time") else None,
    }
    return body


def webhook_log_json(delivery: webhook_pb2.WebhookDelivery) -> dict[str, Any]:
    return {
        "id": delivery.id,
        "webhook_id": delivery.webhook_id,
        "event": delivery.event_type,
        "payload": json.loads(delivery.payload) if delivery.payload else {},
        "created_at": rfc3339(delivery.update_time),  # when it was given up
        # ours:
        "event_id": delivery.event_id,
        "failure_reason": delivery.failure_reason,
        "attempts": [
            {
                "attempt": attempt.attempt,
                "at": rfc3339(attempt.attempt_time),
                "http_status": attempt.http_status,
                "error": attempt.error,
                "duration_ms": attempt.duration.ToMilliseconds(),
            }
            for attempt in delivery.attempts
        ],
    }
