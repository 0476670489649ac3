"""The `orders` collection: order aggregates in, order aggregates out; inserts and guarded
changes carry their outbox events in the same document write."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pymongo import ASCENDING, DESCENDING, IndexModel
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import BulkWriteError, DuplicateKeyError

from common.clients.mongo import find_duplicate_winner
from oms_grpc.core.domain.order import Change, Order
from oms_grpc.core.domain.order_status import OrderStatus
from oms_grpc.core.outbox.entries import LEASE_FIELD, OUTBOX_FIELD, PENDING_FIELD, UNLEASED
from oms_grpc.core.outbox.hand_off import OutboxHandOff
from oms_grpc.core.repositories.order_documents import (
    OrderDocument,
    change_update,
    created_document,
    from_document,
    updated_event_entry,
)

_DUPLICATE_KEY = 11000
_MILLISECOND = timedelta(milliseconds=1)

INDEXES = [
    # Creation is idempotent: one order per (tenant, idempotency key / order_ref / CSV line).
    IndexModel(
        [("tenant_id", ASCENDING), ("idempotency_key", ASCENDING)],
        name="uniq_tenant_idempotency_key",
        unique=True,
        partialFilterExpression={"idempotency_key": {"$type": "string"}},
    ),
    # Listing: newest first within a tenant, optionally narrowed by seller or status.
    IndexModel(
        [("tenant_id", ASCENDING), ("create_time", DESCENDING), ("_id", DESCENDING)],
        name="tenant_created",
    ),
    IndexModel(
        [
            ("tenant_id", ASCENDING),
            ("seller_id", ASCENDING),
            ("create_time", DESCENDING),
            ("_id", DESCENDING),
        ],
        name="tenant_seller_created",
    ),
    IndexModel(
        [
            ("tenant_id", ASCENDING),
            ("status", ASCENDING),
            ("create_time", DESCENDING),
            ("_id", DESCENDING),
        ],
        name="tenant_status_created",
    ),
    IndexModel(
        [("upload_id", ASCENDING)],
        name="upload",
        partialFilterExpression={"upload_id": {"$type": "string"}},
    ),
    # Restock: the orders of a hub waiting for a SKU, oldest first (multikey on the lines).
    IndexModel(
        [
            ("tenant_id", ASCENDING),
            ("hub_id", ASCENDING),
            ("status", ASCENDING),
            ("lines.sku_id", ASCENDING),
            ("create_time", ASCENDING),
            ("_id", ASCENDING),
        ],
        name="waiting_for_stock",
    ),
    # The outbox relay's work queue.
    IndexModel(
        [(PENDING_FIELD, ASCENDING), (LEASE_FIELD, ASCENDING)],
        name="outbox_pending_lease",
        partialFilterExpression={PENDING_FIELD: True},
    ),
]
# Superseded indexes, dropped when found (an index name cannot change its keys in place).
OBSOLETE_INDEXES = ("outbox_pending",)


@dataclass(frozen=True)
class OrderListFilter:
    """ListOrders filters; None does not filter. Creation time: from inclusive, before
    exclusive."""

    tenant_id: str
    seller_id: str | None = None
    status: OrderStatus | None = None
    created_from: datetime | None = None
    created_before: datetime | None = None


@dataclass(frozen=True)
class ListPosition:
    """The sort key of the last order of a page: the next page starts after it."""

    create_time: datetime
    order_id: str


@dataclass(frozen=True)
class InsertOutcome:
    inserted: int
    duplicates: int
    inserted_ids: tuple[Any, ...] = ()


def _ceil_ms(moment: datetime) -> datetime:
    """Round up to MongoDB's millisecond precision (the driver would truncate)."""
    extra = moment.microsecond % 1000
    return moment + timedelta(microseconds=1000 - extra) if extra else moment


def _guarded_write(
    change: Change, topic: str, trace_id: str | None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Filter and update of one optimistic change: only the version that was read matches."""
    before, after = change.before, change.after
    update = change_update(before, after)
    if change.event is not None:
        entry = updated_event_entry(change.event, topic=topic, trace_id=trace_id)
        update["$set"][PENDING_FIELD] = True
        update.setdefault("$push", {})[OUTBOX_FIELD] = entry
    return {"_id": before.id, "tenant_id": before.tenant_id, "version": before.version}, update


class ConcurrentUpdateError(RuntimeError):
    """The order changed between read and write; the caller re-reads and decides again."""


class OrderRepository:
    def __init__(self, collection: AsyncCollection[dict[str, Any]]) -> None:
        self._orders = collection

    @property
    def collection(self) -> AsyncCollection[dict[str, Any]]:
        return self._orders

    async def ensure_indexes(self) -> None:
        """Create the indexes, drop superseded ones, and give pending outboxes written before
        leases existed an expired lease so the relay's scan can find them (idempotent)."""
        existing = await self._orders.index_information()
        for name in OBSOLETE_INDEXES:
            if name in existing:
                await self._orders.drop_index(name)
        await self._orders.create_indexes(INDEXES)
        await self._orders.update_many(
            {PENDING_FIELD: True, LEASE_FIELD: {"$exists": False}},
            {"$set": {LEASE_FIELD: UNLEASED}},
        )

    async def insert(self, order: Order, *, topic: str, trace_id: str | None) -> Order:
        """Insert a new order with its `order.created` event; if its idempotency key exists,
        return the stored order instead (the caller compares ids to tell)."""
        document = created_document(order, topic=topic, trace_id=trace_id)
        try:
            await self._orders.insert_one(document)
            return order
        except DuplicateKeyError:
            key = {"tenant_id": order.tenant_id, "idempotency_key": order.idempotency_key}
            existing = await find_duplicate_winner(self._orders, key)
            if existing is None:  # the duplicate was on another key: a genuine error
                raise
            return from_document(existing)

    async def insert_many(self, documents: Sequence[OrderDocument]) -> InsertOutcome:
        """Insert a batch; orders whose idempotency key already exists are skipped."""
        if not documents:
            return InsertOutcome(0, 0)
        try:
            result = await self._orders.insert_many(list(documents), ordered=False)
            return InsertOutcome(len(result.inserted_ids), 0, tuple(result.inserted_ids))
        except BulkWriteError as exc:
            errors = exc.details.get("writeErrors", [])
            if any(error.get("code") != _DUPLICATE_KEY for error in errors):
                raise
            skipped = {error["index"] for error in errors}
            inserted = tuple(d["_id"] for i, d in enumerate(documents) if i not in skipped)
            return InsertOutcome(len(inserted), len(errors), inserted)

    async def get(self, tenant_id: str, order_id: str) -> Order | None:
        document = await self._orders.find_one(
            {"_id": order_id, "tenant_id": tenant_id}, {OUTBOX_FIELD: 0}
        )
        return None if document is None else from_document(document)

    async def get_by_idempotency_key(self, tenant_id: str, key: str) -> Order | None:
        document = await self._orders.find_one(
            {"tenant_id": tenant_id, "idempotency_key": key}, {OUTBOX_FIELD: 0}
        )
        return None if document is None else from_document(document)

    async def list_page(
        self, filters: OrderListFilter, *, after: ListPosition | None, limit: int
    ) -> list[Order]:
        """Up to `limit` orders, newest first (create_time desc, _id desc), after `after`.

        Keyset pagination on the listing indexes (tenant[, seller | status], create_time,
        _id): every page is one index range scan, however deep.
        """
        query: dict[str, Any] = {"tenant_id": filters.tenant_id}
        if filters.seller_id is not None:
            query["seller_id"] = filters.seller_id
        if filters.status is not None:
            query["status"] = filters.status.value
        created: dict[str, datetime] = {}
        if filters.created_from is not None:
            # `>= t` written as `> t - 1 ms` (times are stored to the millisecond): the same
            # set, and SecantusDB skips the boundary of a `$gte` on a descending index key.
            created["$gt"] = _ceil_ms(filters.created_from) - _MILLISECOND
        if filters.created_before is not None:
            created["$lt"] = _ceil_ms(filters.created_before)
        if created:
            query["create_time"] = created
        if after is not None:
            query["$or"] = [
                {"create_time": {"$lt": after.create_time}},
                {"create_time": after.create_time, "_id": {"$lt": after.order_id}},
            ]
        cursor = (
            self._orders.find(query, {OUTBOX_FIELD: 0})
            .sort([("create_time", DESCENDING), ("_id", DESCENDING)])
            .limit(limit)
        )
        return [from_document(document) for document in await cursor.to_list()]

    async def waiting_for(
        self,
        tenant_id: str,
        hub_id: str,
        sku_id: str,
        *,
        after: ListPosition | None,
        limit: int,
    ) -> list[Order]:
        """ON_HOLD orders of the hub with a line for the SKU, oldest first (create_time, _id),
        after `after`: one range of the `waiting_for_stock` index per page."""
        query: dict[str, Any] = {
            "tenant_id": tenant_id,
            "hub_id": hub_id,
            "status": OrderStatus.ON_HOLD.value,
            "lines.sku_id": sku_id,
        }
        if after is not None:
            query["$or"] = [
                {"create_time": {"$gt": after.create_time}},
                {"create_time": after.create_time, "_id": {"$gt": after.order_id}},
            ]
        cursor = (
            self._orders.find(query, {OUTBOX_FIELD: 0})
            .sort([("create_time", ASCENDING), ("_id", ASCENDING)])
            .limit(limit)
        )
        return [from_document(document) for document in await cursor.to_list()]

    async def apply(
        self,
        change: Change,
        *,
        topic: str,
        trace_id: str | None,
        hand_off: OutboxHandOff | None = None,
    ) -> Order:
        """Store `change` (with its `order.updated` event, if any, in the outbox), atomically.
        With `hand_off` the event goes straight to that relay once stored (leased to it by the
        same write) instead of waiting for a scan to claim it.

        Optimistic concurrency: the write only applies to the version that was read, so two
        racing changes can never both succeed from the same state (ConcurrentUpdateError:
        re-read and decide again). `update_one`, not `find_one_and_update`: the new state is
        known already, and on the MongoDB-wire server of the local stack a
        find-and-modify scans the collection while an update uses the `_id` index.
        """
        guard, update = _guarded_write(change, topic, trace_id)
        if hand_off is not None and OUTBOX_FIELD in update.get("$push", {}):
            update["$set"].update(hand_off.lease())
        result = await self._orders.update_one(guard, update)
        if result.matched_count == 0:
            raise ConcurrentUpdateError(change.before.id)
        if hand_off is not None and OUTBOX_FIELD in update.get("$push", {}):
            hand_off.hand_over(
                [
                    {
                        "_id": change.before.id,
                        OUTBOX_FIELD: [update["$push"][OUTBOX_FIELD]],
                        LEASE_FIELD: update["$set"][LEASE_FIELD],
                    }
                ]
            )
        return change.after
