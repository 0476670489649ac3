"""Order aggregates ↔ MongoDB documents ↔ oms.v1.Order messages, and the outbox entries of
their events."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from oms.v1 import events_pb2, order_pb2

from common.ids import new_id
from common.timestamps import to_timestamp
from oms_grpc.core.domain.order import (
    Order,
    OrderLine,
    OrderUpdated,
    StatusChange,
    StockShortage,
)
from oms_grpc.core.domain.order_status import OrderStatus
from oms_grpc.core.outbox.entries import outbox_entry, pending_outbox, settled_outbox

OrderDocument = dict[str, Any]
ORDER_CREATED = "order.created"
ORDER_UPDATED = "order.updated"

STATUS_TO_PROTO: dict[OrderStatus, order_pb2.OrderStatus] = {
    OrderStatus.ON_HOLD: order_pb2.ORDER_STATUS_ON_HOLD,
    OrderStatus.NEW_ORDER: order_pb2.ORDER_STATUS_NEW_ORDER,
    OrderStatus.CANCELLED: order_pb2.ORDER_STATUS_CANCELLED,
}
STATUS_FROM_PROTO = {value: key for key, value in STATUS_TO_PROTO.items()}


# --- documents ------------------------------------------------------------------------------


def _history_entry(change: StatusChange) -> dict[str, Any]:
    entry = {"status": change.status.value, "time": change.time, "reason": change.reason}
    if change.actor is not None:
        entry["actor"] = change.actor
    return entry


def _shortage_entry(shortage: StockShortage) -> dict[str, Any]:
    return {
        "sku_id": shortage.sku_id,
        "requested": shortage.requested,
        "available": shortage.available,
    }


def to_document(order: Order) -> OrderDocument:
    """The stored form of `order`, without outbox fields."""
    document: OrderDocument = {
        "_id": order.id,
        "tenant_id": order.tenant_id,
        "seller_id": order.seller_id,
        "hub_id": order.hub_id,
        "lines": [
            {"sku_id": line.sku_id, "sku_code": line.sku_code, "quantity": line.quantity}
            for line in order.lines
        ],
        "status": order.status.value,
        "status_history": [_history_entry(change) for change in order.status_history],
        "external_reference": order.external_reference,
        "upload_id": order.upload_id,
        "attributes": dict(order.attributes),
        "create_time": order.create_time,
        "update_time": order.update_time,
        "version": order.version,
    }
    if order.idempotency_key is not None:
        document["idempotency_key"] = order.idempotency_key
    if order.request_hash is not None:
        document["request_hash"] = order.request_hash
    if order.shortages:
        document["shortages"] = [_shortage_entry(s) for s in order.shortages]
        document["shortage_time"] = order.shortage_time
    return document


def from_document(document: Mapping[str, Any]) -> Order:
    return Order(
        id=document["_id"],
        tenant_id=document["tenant_id"],
        seller_id=document["seller_id"],
        hub_id=document["hub_id"],
        lines=tuple(
            OrderLine(line["sku_id"], line.get("sku_code", ""), line["quantity"])
            for line in document["lines"]
        ),
        status=OrderStatus(document["status"]),
        status_history=tuple(
            StatusChange(
                OrderStatus(change["status"]),
                change["time"],
                change.get("reason", ""),
                change.get("actor"),
            )
            for change in document.get("status_history", [])
        ),
        create_time=document["create_time"],
        update_time=document["update_time"],
        version=document.get("version", 1),
        external_reference=document.get("external_reference", ""),
        upload_id=document.get("upload_id", ""),
        attributes=dict(document.get("attributes", {})),
        idempotency_key=document.get("idempotency_key"),
        request_hash=document.get("request_hash"),
        shortages=tuple(
            StockShortage(s["sku_id"], s["requested"], s["available"])
            for s in document.get("shortages", [])
        ),
        shortage_time=document.get("shortage_time"),
    )


def change_update(before: Order, after: Order) -> dict[str, Any]:
    """The `update_one` modification taking the stored `before` to `after` (status, history,
    shortages, times, version): only the fields a change can touch."""
    update: dict[str, Any] = {
        "$set": {
            "status": after.status.value,
            "update_time": after.update_time,
            "version": after.version,
        }
    }
    added = after.status_history[len(before.status_history) :]
    if added:
        update["$push"] = {"status_history": {"$each": [_history_entry(c) for c in added]}}
    if after.shortages:
        update["$set"]["shortages"] = [_shortage_entry(s) for s in after.shortages]
        update["$set"]["shortage_time"] = after.shortage_time
    elif before.shortages:
        update["$unset"] = {"shortages": "", "shortage_time": ""}
    return update


# --- events ---------------------------------------------------------------------------------


def created_document(order: Order, *, topic: str, trace_id: str | None) -> OrderDocument:
    """The document of a new order plus its `order.created` event in the outbox (one
    atomic insert)."""
    entry = created_event_entry(order, topic=topic, trace_id=trace_id)
    return {**to_document(order), **pending_outbox([entry])}


def announced_document(order: Order) -> OrderDocument:
    """The document of a new order whose `order.created` is stored elsewhere first (an
    outbox batch, see `outbox/batches.py`): nothing pending in its own outbox."""
    return {**to_document(order), **settled_outbox()}


def created_event_entry(order: Order, *, topic: str, trace_id: str | None) -> dict[str, Any]:
    event_id = new_id()
    event = events_pb2.OrderCreated(
        event_id=event_id,
        occur_time=to_timestamp(order.create_time),
        tenant_id=order.tenant_id,
        order=to_proto(order),
        trace_id=trace_id or "",
    )
    return outbox_entry(
        event_id=event_id,
        event_type=ORDER_CREATED,
        topic=topic,
        key=order.id,
        event=event,
        created=order.create_time,
        trace_id=trace_id,
    )


def updated_event_entry(event: OrderUpdated, *, topic: str, trace_id: str | None) -> dict[str, Any]:
    event_id = new_id()
    order = event.order
    message = events_pb2.OrderUpdated(
        event_id=event_id,
        occur_time=to_timestamp(order.update_time),
        tenant_id=order.tenant_id,
        order=to_proto(order),
        previous_status=STATUS_TO_PROTO[event.previous_status],
        trace_id=trace_id or "",
    )
    return outbox_entry(
        event_id=event_id,
        event_type=ORDER_UPDATED,
        topic=topic,
        key=order.id,
        event=message,
        created=order.update_time,
        trace_id=trace_id,
    )


# --- messages -------------------------------------------------------------------------------


def to_proto(order: Order) -> order_pb2.Order:
    message = order_pb2.Order(
        id=order.id,
        tenant_id=order.tenant_id,
        seller_id=order.seller_id,
        hub_id=order.hub_id,
        lines=[
            order_pb2.OrderLine(sku_id=line.sku_id, sku_code=line.sku_code, quantity=line.quantity)
            for line in order.lines
        ],
        status=STATUS_TO_PROTO[order.status],
        status_history=[
            order_pb2.StatusChange(
                status=STATUS_TO_PROTO[change.status],
                change_time=to_timestamp(change.time),
                reason=change.reason,
                actor=change.actor or "",
            )
            for change in order.status_history
        ],
        external_reference=order.external_reference,
        upload_id=order.upload_id,
        attributes=dict(order.attributes),
        create_time=to_timestamp(order.create_time),
        update_time=to_timestamp(order.update_time),
        shortages=[
            order_pb2.LineShortage(sku_id=s.sku_id, requested=s.requested, available=s.available)
            for s in order.shortages
        ],
    )
    if order.shortage_time is not None:
        message.shortage_time.CopyFrom(to_timestamp(order.shortage_time))
    return message
