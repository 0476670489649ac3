"""Order drafts → order documents with their `order.created` outbox event → MongoDB.

Each document is inserted together with its event (one document write, see
`order_documents.created_document`); a draft whose idempotency key already exists for the
tenant (an earlier pass over the same file, or an earlier upload of the same order_ref) is
skipped by the unique index, so re-processing a file never creates an order twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from common.ids import new_id
from common.timestamps import utc_now_ms
from oms_grpc.core.domain.bulk_orders import OrderDraft
from oms_grpc.core.domain.order import Order
from oms_grpc.core.outbox.relay import OutboxRelay
from oms_grpc.core.repositories.order_documents import OrderDocument, created_document
from oms_grpc.core.repositories.orders import InsertOutcome, OrderRepository


def order_document(
    draft: OrderDraft,
    *,
    upload_id: str,
    topic: str,
    trace_id: str | None,
    now: datetime,
    actor: str | None = None,
) -> OrderDocument:
    order = Order.create(
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
    return created_document(order, topic=topic, trace_id=trace_id)


class OrderWriter:
    def __init__(
        self, orders: OrderRepository, relay: OutboxRelay, topic: str, *, actor: str | None = None
    ) -> None:
        """`actor`: who the orders' history names as their creator (the ingester's identity)."""
        self._orders = orders
        self._relay = relay
        self._topic = topic
        self._actor = actor

    async def write(
        self, upload_id: str, drafts: Sequence[OrderDraft], trace_id: str | None
    ) -> InsertOutcome:
        if not drafts:
            return InsertOutcome(0, 0)
        now = utc_now_ms()
        documents = [
            order_document(
                d,
                upload_id=upload_id,
                topic=self._topic,
                trace_id=trace_id,
                now=now,
                actor=self._actor,
            )
            for d in drafts
        ]
        # Leased to this process's relay before the insert and handed over once stored: the
        # events go out at once, without a scan, a claim or a read-back.
        await self._relay.backlog_below_limit()
        self._relay.reserve(documents)
        try:
            outcome = await self._orders.insert_many(documents)
        except BaseException:
            # What was stored is unknown (e.g. cancelled mid-insert): let the relay read it.
            self._relay.notify(document["_id"] for document in documents)
            raise
        stored = set(outcome.inserted_ids)
        self._relay.hand_over(d for d in documents if d["_id"] in stored)
        return outcome
