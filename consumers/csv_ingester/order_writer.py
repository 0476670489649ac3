"""Order drafts → order documents, their `order.created` events in one outbox batch → MongoDB.

The batch of events is stored first, then the orders with `insert_many`; the relay of this
process publishes the events of the orders that were stored and deletes the batch, so no
order is written twice (see `oms_grpc/core/outbox/batches.py`). A draft whose idempotency key
already exists for the tenant (an earlier pass over the same file, or an earlier upload of
the same order_ref) is skipped by the unique index, and its event is never published: so
re-processing a file never creates an order, or announces one, twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from common.ids import new_id
from common.timestamps import utc_now_ms
from oms_grpc.core.domain.bulk_orders import OrderDraft
from oms_grpc.core.domain.order import Order
from oms_grpc.core.outbox.batches import BatchEvent
from oms_grpc.core.outbox.relay import OutboxRelay
from oms_grpc.core.repositories.order_documents import (
    OrderDocument,
    announced_document,
    created_event_entry,
)
from oms_grpc.core.repositories.orders import InsertOutcome, OrderRepository


def new_order(
    draft: OrderDraft, *, upload_id: str, now: datetime, actor: str | None = None
) -> Order:
    return Order.create(
        order_id=new_id(),
        tenant_id=draft.tenant_id,
        seller_id=draft.seller_id,
        hub_id=draft.hub_id,
        lines=draft.lines,
        now=now,
        external_reference=draft.order_ref,
        upload_id=upload_id,
        attributes=draft.attributes,
        idempotency_key=draft.idempotency_key,
        actor=actor,
    )


@dataclass(frozen=True)
class PreparedOrders:
    """A batch of new orders as they will be stored: documents, and their events apart."""

    documents: list[OrderDocument]
    events: list[BatchEvent]


class OrderWriter:
    def __init__(
        self, orders: OrderRepository, relay: OutboxRelay, topic: str, *, actor: str | None = None
    ) -> None:
        """`actor`: who the orders' history names as their creator (the ingester's identity)."""
        self._orders = orders
        self._relay = relay
        self._topic = topic
        self._actor = actor

    def prepare(
        self, upload_id: str, drafts: Sequence[OrderDraft], trace_id: str | None
    ) -> PreparedOrders:
        """Build the documents and events (CPU only: done while an earlier batch is being
        stored)."""
        now = utc_now_ms()
        prepared = PreparedOrders([], [])
        for draft in drafts:
            order = new_order(draft, upload_id=upload_id, now=now, actor=self._actor)
            prepared.documents.append(announced_document(order))
            entry = created_event_entry(order, topic=self._topic, trace_id=trace_id)
            prepared.events.append(BatchEvent(order.id, entry))
        return prepared

    async def store(self, prepared: PreparedOrders) -> InsertOutcome:
        if not prepared.documents:
            return InsertOutcome(0, 0)
        # Backpressure: the relay publishes from memory well within the batch's lease.
        await self._relay.backlog_below_limit()
        async with self._relay.batch(prepared.events) as batch:
            outcome = await self._orders.insert_many(prepared.documents)
            batch.stored(outcome.inserted_ids)
        return outcome
