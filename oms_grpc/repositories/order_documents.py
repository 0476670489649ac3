"""Order documents in MongoDB ↔ oms.v1.Order messages, and the events built from them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from oms.v1 import events_pb2, order_pb2

from common.ids import new_id
from common.timestamps import to_timestamp, utc_now_ms
from oms_grpc.domain.order_status import OrderStatus
from oms_grpc.outbox.entries import outbox_entry, pending_outbox

OrderDocument = dict[str, Any]

STATUS_TO_PROTO: dict[OrderStatus, order_pb2.OrderStatus] = {
    OrderStatus.ON_HOLD: order_pb2.ORDER_STATUS_ON_HOLD,
    OrderStatus.NEW_ORDER: order_pb2.ORDER_STATUS_NEW_ORDER,
    OrderStatus.CANCELLED: order_pb2.ORDER_STATUS_CANCELLED,
}
STATUS_FROM_PROTO = {value: key for key, value in STATUS_TO_PROTO.items()}


def new_order_document(
    *,
    tenant_id: str,
    seller_id: str,
    hub_id: str,
    lines: Sequence[tuple[str, str, int]],
    external_reference: str = "",
    upload_id: str = "",
    attributes: Mapping[str, str] | None = None,
    idempotency_key: str | None = None,
    request_hash: str | None = None,
    now: datetime | None = None,
) -> OrderDocument:
    """A new ON_HOLD order (lines are (sku_id, sku_code, quantity)), without its event."""
    created = now or utc_now_ms()
    document: OrderDocument = {
        "_id": new_id(),
        "tenant_id": tenant_id,
        "seller_id": seller_id,
        "hub_id": hub_id,
        "lines": [{"sku_id": s, "sku_code": c, "quantity": q} for s, c, q in lines],
        "status": OrderStatus.ON_HOLD.value,
        "status_history": [
            {"status": OrderStatus.ON_HOLD.value, "time": created, "reason": "created"}
        ],
        "external_reference": external_reference,
        "upload_id": upload_id,
        "attributes": dict(attributes or {}),
        "create_time": created,
        "update_time": created,
        "version": 1,
    }
    if idempotency_key is not None:
        document["idempotency_key"] = idempotency_key
    if request_hash is not None:
        document["request_hash"] = request_hash
    return document


def with_created_event(
    document: OrderDocument, *, topic: str, trace_id: str | None
) -> OrderDocument:
    """The document plus its `order.created` event in the outbox (one atomic insert)."""
    order = to_proto(document)
    event_id = new_id()
    event = events_pb2.OrderCreated(
        event_id=event_id,
        occur_time=to_timestamp(document["create_time"]),
        tenant_id=document["tenant_id"],
        order=order,
        trace_id=trace_id or "",
    )
    entry = outbox_entry(
        event_id=event_id,
        event_type="order.created",
        topic=topic,
        key=document["_id"],
        event=event,
        created=document["create_time"],
        trace_id=trace_id,
    )
    return {**document, **pending_outbox([entry])}


def updated_event_entry(
    after: OrderDocument, previous: OrderStatus, *, topic: str, trace_id: str | None
) -> dict[str, Any]:
    event_id = new_id()
    event = events_pb2.OrderUpdated(
        event_id=event_id,
        occur_time=to_timestamp(after["update_time"]),
        tenant_id=after["tenant_id"],
        order=to_proto(after),
        previous_status=STATUS_TO_PROTO[previous],
        trace_id=trace_id or "",
    )
    return outbox_entry(
        event_id=event_id,
        event_type="order.updated",
        topic=topic,
        key=after["_id"],
        event=event,
        created=after["update_time"],
        trace_id=trace_id,
    )


def to_proto(document: Mapping[str, Any]) -> order_pb2.Order:
    return order_pb2.Order(
        id=document["_id"],
        tenant_id=document["tenant_id"],
        seller_id=document["seller_id"],
        hub_id=document["hub_id"],
        lines=[
            order_pb2.OrderLine(
                sku_id=line["sku_id"], sku_code=line.get("sku_code", ""), quantity=line["quantity"]
            )
            for line in document["lines"]
        ],
        status=STATUS_TO_PROTO[OrderStatus(document["status"])],
        status_history=[
            order_pb2.StatusChange(
                status=STATUS_TO_PROTO[OrderStatus(change["status"])],
                change_time=to_timestamp(change["time"]),
                reason=change.get("reason", ""),
            )
            for change in document.get("status_history", [])
        ],
        external_reference=document.get("external_reference", ""),
        upload_id=document.get("upload_id", ""),
        attributes=document.get("attributes", {}),
        create_time=to_timestamp(document["create_time"]),
        update_time=to_timestamp(document["update_time"]),
    )
