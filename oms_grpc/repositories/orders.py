"""The `orders` collection: inserts with their outbox events, reads, guarded transitions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pymongo import ASCENDING, DESCENDING, IndexModel, ReturnDocument
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import BulkWriteError, DuplicateKeyError

from oms_grpc.domain.order_status import OrderStatus, check_transition
from oms_grpc.outbox.entries import OUTBOX_FIELD, PENDING_FIELD
from oms_grpc.repositories.order_documents import OrderDocument, updated_event_entry

_DUPLICATE_KEY = 11000

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
    # The outbox relay's work queue.
    IndexModel(
        [(PENDING_FIELD, ASCENDING)],
        name="outbox_pending",
        partialFilterExpression={PENDING_FIELD: True},
    ),
]


@dataclass(frozen=True)
class InsertOutcome:
    inserted: int
    duplicates: int


class ConcurrentUpdateError(RuntimeError):
    """The order changed between read and write; the caller re-reads and decides again."""


class OrderRepository:
    def __init__(self, collection: AsyncCollection[dict[str, Any]]) -> None:
        self._orders = collection

    @property
    def collection(self) -> AsyncCollection[dict[str, Any]]:
        return self._orders

    async def ensure_indexes(self) -> None:
        await self._orders.create_indexes(INDEXES)

    async def insert(self, document: OrderDocument) -> OrderDocument:
        """Insert one order; if its idempotency key exists, return the stored order instead."""
        try:
            await self._orders.insert_one(document)
            return document
        except DuplicateKeyError:
            existing = await self._orders.find_one(
                {
                    "tenant_id": document["tenant_id"],
                    "idempotency_key": document.get("idempotency_key"),
                }
            )
            if existing is None:  # the duplicate was on another key: a genuine error
                raise
            return existing

    async def insert_many(self, documents: Sequence[OrderDocument]) -> InsertOutcome:
        """Insert a batch; orders whose idempotency key already exists are skipped."""
        if not documents:
            return InsertOutcome(0, 0)
        try:
            result = await self._orders.insert_many(list(documents), ordered=False)
            return InsertOutcome(len(result.inserted_ids), 0)
        except BulkWriteError as exc:
            errors = exc.details.get("writeErrors", [])
            if any(error.get("code") != _DUPLICATE_KEY for error in errors):
                raise
            return InsertOutcome(exc.details.get("nInserted", 0), len(errors))

    async def get(self, tenant_id: str, order_id: str) -> OrderDocument | None:
        return await self._orders.find_one(
            {"_id": order_id, "tenant_id": tenant_id}, {OUTBOX_FIELD: 0}
        )

    async def transition(
        self,
        current: OrderDocument,
        target: OrderStatus,
        *,
        reason: str,
        topic: str,
        trace_id: str | None,
    ) -> OrderDocument:
        """Move `current` to `target` and add `order.updated` to its outbox, atomically.

        Optimistic concurrency: the write only applies to the version that was read, so two
        racing transitions can never both succeed from the same state.
        """
        previous = OrderStatus(current["status"])
        check_transition(previous, target)
        now = datetime.now(UTC)
        change = {"status": target.value, "time": now, "reason": reason}
        after = {
            **current,
            "status": target.value,
            "status_history": [*current.get("status_history", []), change],
            "update_time": now,
            "version": current["version"] + 1,
        }
        entry = updated_event_entry(after, previous, topic=topic, trace_id=trace_id)
        updated = await self._orders.find_one_and_update(
            {
                "_id": current["_id"],
                "tenant_id": current["tenant_id"],
                "version": current["version"],
            },
            {
                "$set": {"status": target.value, "update_time": now, PENDING_FIELD: True},
                "$inc": {"version": 1},
                "$push": {"status_history": change, OUTBOX_FIELD: entry},
            },
            projection={OUTBOX_FIELD: 0},
            return_document=ReturnDocument.AFTER,
        )
        if updated is None:
            raise ConcurrentUpdateError(current["_id"])
        return updated
