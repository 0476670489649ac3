"""Kafka messages → finalizer use cases: `order.created` and `inventory.changed`."""

from __future__ import annotations

from typing import TypeVar

from google.protobuf.message import DecodeError
from google.protobuf.message import Message as ProtoMessage
from ims.v1 import events_pb2 as ims_events
from oms.v1 import events_pb2 as oms_events

from common.clients.kafka import Message
from common.errors import ServiceError
from common.tracing import bind_trace_id
from consumers.event_loop import PoisonMessageError
from consumers.order_finalizer.finalization import OrderFinalizer, is_refusal
from consumers.order_finalizer.restock import RestockEvaluator, StockRaised

T = TypeVar("T", bound=ProtoMessage)


def _parse(message_type: type[T], message: Message) -> T:
    event = message_type()
    try:
        event.ParseFromString(message.value)
    except DecodeError as exc:
        raise PoisonMessageError(f"not a {message_type.DESCRIPTOR.full_name}: {exc}") from exc
    return event


class OrderCreatedHandler:
    def __init__(self, finalizer: OrderFinalizer) -> None:
        self._finalizer = finalizer

    async def __call__(self, message: Message) -> None:
        event = _parse(oms_events.OrderCreated, message)
        if not event.tenant_id or not event.order.id:
            raise PoisonMessageError("order.created without tenant_id or order.id")
        trace_id = bind_trace_id(event.trace_id or None)
        try:
            await self._finalizer.finalize(event.tenant_id, event.order.id, trace_id)
        except ServiceError as exc:
            if is_refusal(exc):
                raise PoisonMessageError(f"IMS refused the order: {exc}") from exc
            raise


class InventoryChangedHandler:
    def __init__(self, restock: RestockEvaluator) -> None:
        self._restock = restock

    async def __call__(self, message: Message) -> None:
        event = _parse(ims_events.InventoryChanged, message)
        if not (event.tenant_id and event.hub_id and event.sku_id):
            raise PoisonMessageError("inventory.changed without tenant_id, hub_id or sku_id")
        if event.quantity_available <= 0:
            return
        trace_id = bind_trace_id(event.trace_id or None)
        raised = StockRaised(event.tenant_id, event.hub_id, event.sku_id, event.quantity_available)
        await self._restock.on_stock_raised(raised, trace_id)
